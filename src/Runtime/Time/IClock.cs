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

    /// <summary>
    /// Whether a timer due at <paramref name="due"/> and ordered as of <paramref name="orderTime"/>
    /// (see <see cref="IClockTimer.Start"/>) would have fired by now: the clock has passed that
    /// point of its instant. Lets one timer stand in for a chain without changing what is seen at
    /// the chain's instants. Real clock: whether <paramref name="due"/> has passed.
    /// </summary>
    bool HasFired(long due, long orderTime);

    /// <summary>A timer that calls <paramref name="callback"/> each time it is started and comes due; nothing is scheduled until <see cref="IClockTimer.Start"/>.</summary>
    IClockTimer CreateTimer(Action<object?> callback, object? state);
}
