namespace DmaActors.Runtime.Time;

/// <summary>
/// The nanosecond time source and timer service of one simulated world: virtual (simulated
/// nanoseconds, moving only at quiescence) or real (wall time). The simulated hardware takes
/// every timestamp and every delay from here.
/// </summary>
/// <remarks>
/// Akka's scheduler counts 100 ns ticks, too coarse for bus cycles of a few nanoseconds; on
/// virtual time both are served by one timer queue, so Akka timers and hardware timers fire in
/// one order. Nothing in <c>src/</c> reads the wall clock directly.
/// </remarks>
public interface IClock
{
    /// <summary>Nanoseconds since the world started.</summary>
    long NowNanoseconds { get; }

    /// <summary>Time since the world started.</summary>
    Duration Now => new(NowNanoseconds);

    /// <summary>Whether this clock is simulated (moves only when the world is quiescent).</summary>
    bool IsVirtual { get; }

    /// <summary>Runs <paramref name="callback"/> once, <paramref name="delay"/> from now; the returned timer can be cancelled.</summary>
    /// <remarks>On the virtual clock the callback runs when time reaches it, at quiescence, on the thread that moves time.</remarks>
    IClockTimer Schedule(Duration delay, Action<object?> callback, object? state);

    /// <summary>A timer that calls <paramref name="callback"/> each time it is started and comes due; nothing is scheduled until <see cref="IClockTimer.Start"/>.</summary>
    IClockTimer CreateTimer(Action<object?> callback, object? state);

    /// <summary>
    /// Whether a timer due at <paramref name="due"/> and ordered as of <paramref name="orderTime"/>
    /// (see <see cref="IClockTimer.Start"/>) would have fired by now: the clock has passed that
    /// point of its instant. Lets one timer stand in for a chain without changing what is seen at
    /// the chain's instants. Real clock: whether <paramref name="due"/> has passed.
    /// </summary>
    bool HasFired(long due, long orderTime);
}
