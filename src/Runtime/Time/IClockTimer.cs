namespace DmaActors.Runtime.Time;

/// <summary>
/// One timer of an <see cref="IClock"/>, started again and again (at most one start pending at a
/// time), so that a per-event timer on a hot path does not allocate a handle per start.
/// </summary>
public interface IClockTimer
{
    /// <summary>Whether the latest start was cancelled (false while it is pending or after it fired).</summary>
    bool IsCancelled { get; }

    /// <summary>Calls off the latest start if it has not fired yet.</summary>
    void Cancel();

    /// <summary>Starts the timer <paramref name="delay"/> from now, calling off a start still pending.</summary>
    /// <param name="delay">How long from now.</param>
    /// <param name="orderAsOf">
    /// Among timers due at the same instant, order this one as if it had been started at this
    /// time (virtual clock only; null: now). A simulation that stands one timer in for a chain of
    /// timers, each started when the previous one fired, passes the time the last of the chain
    /// would have been started, so ties with other timers resolve as they would have.
    /// </param>
    void Start(Duration delay, long? orderAsOf = null);
}
