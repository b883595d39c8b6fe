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
    /// <exception cref="DmaException">EDEADLK: called from a callback of this channel (it would wait for itself).</exception>
    /// <remarks>Kernel: <c>dma_sync_wait()</c>. Call it from process context: it drives the system's clock.</remarks>
    public DmaStatus DmaSyncWait(int cookie)
    {
        const string call = "dma_sync_wait()";
        EnsureNotInOwnCallback(call);
        IssuePending();
        var clock = _slot.Device.Engine.System.Clock;
        long deadline = clock.NowNanoseconds + s_syncWaitLimit.Nanoseconds;
        var step = Duration.FromMicroseconds(1);
        while (true)
        {
            var status = TxStatus(cookie);
            if (status != DmaStatus.InProgress) return status;
            if (clock.NowNanoseconds >= deadline) return DmaStatus.Error;
            _slot.Device.Engine.System.Advance(step);
            if (step.Nanoseconds < s_maxPollStep.Nanoseconds) step = Duration.FromNanoseconds(step.Nanoseconds * 2);
        }
    }
}
