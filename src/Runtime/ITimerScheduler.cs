using DmaActors.Runtime.Time;

namespace DmaActors.Runtime;

/// <summary>
/// An actor's own keyed timers. A timer's message arrives as an ordinary message to the actor.
/// Starting a timer under a key that is active replaces it; a message of a cancelled or replaced
/// timer that is already in the mailbox is dropped (generation numbers, as in Akka.NET).
/// All timers are cancelled when the actor restarts or stops.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> to the actor once, <paramref name="delay"/> from now.</summary>
    void StartSingleTimer(object key, object message, Duration delay);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>, first after <paramref name="initialDelay"/> (default: one interval).</summary>
    void StartPeriodicTimer(object key, object message, Duration interval, Duration? initialDelay = null);

    /// <summary>Whether a timer under <paramref name="key"/> is active.</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer under <paramref name="key"/>, if any.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer of the actor.</summary>
    void CancelAll();
}
