namespace DmaActors.Runtime.Time;

/// <summary>
/// Lets the virtual clock move only while no actor runs. On the thread pool, a thread outside the
/// world can wake an actor at any moment, also between the driver's "nothing is in flight" and its
/// moving of time; the guard closes that gap: moving time and starting an actor's run exclude each
/// other, so no handler ever sees the clock jump under it (and starts a timer from a stale "now").
/// </summary>
internal interface ITimeMoveGuard
{
    /// <summary>Claims the right to move time; false (nothing claimed) if anything but the mover is in flight.</summary>
    bool TryFreeze();

    /// <summary>Releases the claim: actors may run again.</summary>
    void Thaw();
}
