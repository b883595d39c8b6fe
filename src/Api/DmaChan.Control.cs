using DmaActors.Actors.Channels;
using DmaActors.Api.Provider;

namespace DmaActors.Api;

// Issue, status, pause/resume and the terminate family. Terminate bumps the slot's generation
// before anything else, so a descriptor prepared before it can no longer be submitted (H-7).
// Synchronize waits for the channel's completion actor to drain: it returns only after the
// callback running now (if any) has returned, and callbacks of terminated descriptors are
// dropped by the channel's epoch, so none runs afterwards (C-56, H-6). From process context,
// status, pause, resume and terminate wait for the channel's answer (the hardware has stopped,
// the status is as of everything queued before); from a callback they post and return.
public sealed partial class DmaChan
{
    /// <summary>Moves every submitted descriptor to the issued queue and starts the hardware if idle (C-42, H-4).</summary>
    /// <remarks>Kernel: <c>dma_async_issue_pending()</c>.</remarks>
    public void IssuePending()
    {
        const string call = "dma_async_issue_pending()";
        EnsureActive(call);
        // Nothing to wait for or fail: queued behind every submit before it, like the kernel's call.
        Port.IssuePending();
    }

    /// <summary>The state of <paramref name="cookie"/>, without the details (C-45).</summary>
    /// <param name="cookie">A cookie of this channel.</param>
    /// <returns>Complete, in progress, paused or error.</returns>
    /// <remarks>Kernel: <c>dmaengine_tx_status(chan, cookie, NULL)</c>.</remarks>
    public DmaStatus TxStatus(int cookie) => TxStatus(cookie, out _);

    /// <summary>The state of <paramref name="cookie"/> with last/used cookies and residue at the device's granularity (C-45..C-47).</summary>
    /// <param name="cookie">A cookie of this channel.</param>
    /// <param name="state">Last completed and last used cookies, residue of <paramref name="cookie"/>.</param>
    /// <returns>Complete, in progress, paused or error.</returns>
    /// <remarks>Kernel: <c>dmaengine_tx_status()</c>.</remarks>
    public DmaStatus TxStatus(int cookie, out DmaTxState state)
    {
        const string call = "dmaengine_tx_status()";
        EnsureActive(call);
        var report = InsideTheWorld ? Port.Status(cookie) : Ask<TxStatusReply>(new GetTxStatus(cookie), "C-45", call);
        // The controller was started with the device's residue granularity, so the residue is already at it (C-47).
        state = new DmaTxState(report.LastCompleted, report.LastUsed, report.Residue, 0);
        return report.Status;
    }

    /// <summary>Whether <paramref name="cookie"/> is complete, with the last completed and last used cookies (C-45).</summary>
    /// <param name="cookie">A cookie of this channel.</param>
    /// <param name="last">The last completed cookie.</param>
    /// <param name="used">The last assigned cookie.</param>
    /// <returns>The status.</returns>
    /// <remarks>Kernel: <c>dma_async_is_tx_complete()</c>.</remarks>
    public DmaStatus IsTxComplete(int cookie, out int last, out int used)
    {
        var status = TxStatus(cookie, out var state);
        last = state.Last;
        used = state.Used;
        return status;
    }

    /// <summary>Pauses the channel at a burst boundary without data loss (C-51).</summary>
    /// <exception cref="DmaException">ENOSYS: the device has no <c>device_pause</c>.</exception>
    /// <remarks>Kernel: <c>dmaengine_pause()</c>.</remarks>
    public void Pause()
    {
        const string call = "dmaengine_pause()";
        EnsureActive(call);
        if (!Device.Description.Has(DmaDeviceOps.Pause))
            throw new DmaException("ENOSYS", "C-51", $"{Name}: {Device.Dev} has no device_pause. Check dma_get_slave_caps().cmd_pause first.");
        if (InsideTheWorld) Port.Post(PauseChannel.Instance);
        else Ask<PauseChannelReply>(PauseChannel.Instance, "C-51", call);
    }

    /// <summary>Resumes a paused channel (C-51).</summary>
    /// <exception cref="DmaException">ENOSYS: no <c>device_resume</c>; EINVAL: the channel is not paused.</exception>
    /// <remarks>Kernel: <c>dmaengine_resume()</c>.</remarks>
    public void Resume()
    {
        const string call = "dmaengine_resume()";
        EnsureActive(call);
        if (!Device.Description.Has(DmaDeviceOps.Resume))
            throw new DmaException("ENOSYS", "C-51", $"{Name}: {Device.Dev} has no device_resume. Check dma_get_slave_caps().cmd_resume first.");
        // From a callback a resume of a channel that is not paused is refused by the channel's log only: nobody waits for the answer.
        if (InsideTheWorld) Port.Post(ResumeChannel.Instance);
        else Ask<ResumeChannelReply>(ResumeChannel.Instance, "C-51", call);
    }

    /// <summary>Deprecated terminate: like <see cref="TerminateAsync"/> but ENOSYS without the op (C-53).</summary>
    /// <exception cref="DmaException">ENOSYS: no <c>device_terminate_all</c>.</exception>
    /// <remarks>Kernel: <c>dmaengine_terminate_all()</c>.</remarks>
    public void TerminateAll() => Terminate("dmaengine_terminate_all()", "ENOSYS");

    /// <summary>
    /// Aborts every active, issued, submitted and prepared descriptor; no callback runs for them
    /// (C-54). May return while a callback still runs (C-55): call <see cref="Synchronize"/> before
    /// freeing what callbacks use. Legal inside a callback (C-36).
    /// </summary>
    /// <exception cref="DmaException">EINVAL: no <c>device_terminate_all</c> (C-53).</exception>
    /// <remarks>Kernel: <c>dmaengine_terminate_async()</c>.</remarks>
    public void TerminateAsync() => Terminate("dmaengine_terminate_async()", "EINVAL");

    /// <summary>
    /// <see cref="TerminateAsync"/> then <see cref="Synchronize"/>: returns after every running
    /// callback finished; no callback of a terminated descriptor runs afterwards (C-53, C-56).
    /// </summary>
    /// <exception cref="DmaException">EDEADLK: called from a callback of this channel (C-37); EINVAL: no <c>device_terminate_all</c>.</exception>
    /// <remarks>Kernel: <c>dmaengine_terminate_sync()</c>.</remarks>
    public void TerminateSync()
    {
        const string call = "dmaengine_terminate_sync()";
        EnsureActive(call);
        EnsureNotInOwnCallback(call);
        Terminate(call, "EINVAL");
        SynchronizeCore(call);
    }

    /// <summary>Waits until the hardware has stopped and no callback is running or scheduled (C-56); a no-op without <c>device_synchronize</c> (C-57).</summary>
    /// <exception cref="DmaException">EDEADLK: called from a callback of this channel (C-37).</exception>
    /// <remarks>Kernel: <c>dmaengine_synchronize()</c>.</remarks>
    public void Synchronize()
    {
        const string call = "dmaengine_synchronize()";
        EnsureActive(call);
        EnsureNotInOwnCallback(call);
        SynchronizeCore(call);
    }

    private void SynchronizeCore(string call)
    {
        if (!Device.Description.Has(DmaDeviceOps.Synchronize)) return;
        // It waits for the hardware and the tasklets, so it may sleep (C-56): never from a
        // callback, which runs in a tasklet that must not (C-35), whichever channel it belongs to.
        if (InsideTheWorld)
            throw new DmaException("EDEADLK", "C-56", $"{call} on {Name} waits until no callback runs or is scheduled and may sleep; callbacks run in a tasklet, which must not sleep (C-35). Call dmaengine_terminate_async() there, and synchronize from process context.");
        Ask<SynchronizeChannelReply>(SynchronizeChannel.Instance, "C-56", call);
    }

    private void Terminate(string call, string errnoWithoutOp)
    {
        EnsureActive(call);
        if (!Device.Description.Has(DmaDeviceOps.TerminateAll))
            throw new DmaException(errnoWithoutOp, "C-53", $"{Name}: {Device.Dev} has no device_terminate_all, so {call} cannot stop it. Check dma_get_slave_caps().cmd_terminate.");
        _slot.Terminated();
        if (InsideTheWorld) Port.Terminate();
        else TerminateAndWait(call, "C-54");
    }

    /// <summary>Terminates and waits until the hardware has stopped (process context).</summary>
    internal void TerminateAndWait(string call, string rule)
    {
        if (InsideTheWorld)
            throw new DmaException("EDEADLK", rule, $"{call} on {Name} must wait for the channel, which cannot happen inside the simulated world (a callback or an actor). Use dmaengine_terminate_async() there.");
        Port.TerminateAndWait();
    }
}
