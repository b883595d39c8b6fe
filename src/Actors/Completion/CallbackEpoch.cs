namespace DmaActors.Actors.Completion;

/// <summary>
/// A channel's terminate epoch, shared by the virtual channel (which bumps it on every
/// terminate) and its completion actor (which drops any callback queued under an older epoch).
/// </summary>
/// <remarks>
/// Shared, not sent: a "drop" message would queue behind the very callbacks it must cancel.
/// A terminate that returns has bumped the epoch, so no callback completed before it can start
/// afterwards (V-12); one already running finishes (the kernel's terminate_sync waits for it).
/// </remarks>
public sealed class CallbackEpoch
{
    private long _value;

    /// <summary>The current epoch.</summary>
    public long Current => Volatile.Read(ref _value);

    /// <summary>Starts a new epoch and returns it.</summary>
    public long Advance() => Interlocked.Increment(ref _value);
}
