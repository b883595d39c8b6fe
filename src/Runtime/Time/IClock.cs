namespace DmaActors.Runtime.Time;

/// <summary>
/// The time source and timer queue of one actor system: virtual (simulated nanoseconds) or real.
/// </summary>
/// <remarks>
/// Nothing in the kernel or the simulated hardware reads the wall clock; everything asks this.
/// </remarks>
public interface IClock
{
    /// <summary>Nanoseconds since the system started.</summary>
    long NowNanoseconds { get; }

    /// <summary>Time since the system started.</summary>
    Duration Now => new(NowNanoseconds);

    /// <summary>Whether this clock is simulated (moves only when the system is quiescent).</summary>
    bool IsVirtual { get; }

    /// <summary>Runs <paramref name="callback"/> once, <paramref name="delay"/> from now.</summary>
    /// <remarks>On the virtual clock the callback runs when time reaches it, at quiescence.</remarks>
    ICancelable Schedule(Duration delay, Action<object?> callback, object? state);
}
