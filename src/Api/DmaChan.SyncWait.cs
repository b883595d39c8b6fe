using DmaActors.Runtime.Time;

namespace DmaActors.Api;

// dma_sync_wait: the kernel busy-polls; here the caller moves the system's time forward between
// polls (virtual time moves only when somebody drives it), with a poll step that doubles from
// 1 µs to 1 ms so short transfers are seen promptly and long ones cost few polls.
public sealed partial class DmaChan
{
    private static readonly Duration s_syncWaitLimit = Duration.FromMilliseconds(5000);
    private static readonly Duration s_maxPollStep = Duration.FromMilliseconds(1);

    /// <summary>
    /// Issues pending work, then polls <paramref name="cookie"/> until it is no longer in progress
    /// (so PAUSED, ERROR and COMPLETE all end the wait) or 5000 ms of the system's time pass (C-50).
    /// </summary>
    /// <param name="cookie">A cookie of this channel.</param>
    /// <returns>The status that ended the wait, or <see cref="DmaStatus.Error"/> on time-out.</returns>
    /// <exception cref="DmaException">EDEADLK: called from inside the simulated world (a callback), where time cannot be moved.</exception>
    /// <remarks>Kernel: <c>dma_sync_wait()</c>. Call it from process context: it drives the system's clock.</remarks>
    public DmaStatus SyncWait(int cookie)
    {
        const string call = "dma_sync_wait()";
        if (InsideTheWorld)
            throw new DmaException("EDEADLK", "C-50", $"{Name}: {call} polls while moving the world's clock, which cannot happen from inside the simulated world (a completion callback). Poll dmaengine_tx_status() from process context instead.");
        IssuePending();
        var world = _slot.Device.Engine.World;
        var clock = world.Clock;
        long deadline = clock.NowNanoseconds + s_syncWaitLimit.Nanoseconds;
        var step = Duration.FromMicroseconds(1);
        while (true)
        {
            var status = TxStatus(cookie);
            if (status != DmaStatus.InProgress) return status;
            if (clock.NowNanoseconds >= deadline) return DmaStatus.Error;
            world.Advance(step);
            if (step.Nanoseconds < s_maxPollStep.Nanoseconds) step = Duration.FromNanoseconds(step.Nanoseconds * 2);
        }
    }
}
