using Akka.Event;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Transfers;

namespace DmaActors.Api;

/// <summary>
/// A prepared transfer: set <see cref="Callback"/> or <see cref="CallbackResult"/>, then
/// <see cref="Submit"/> it for a cookie and <see cref="DmaChan.IssuePending"/> to start it.
/// After submit it belongs to the engine (C-40): only a reusable descriptor may be submitted again.
/// </summary>
/// <remarks>
/// Kernel: <c>struct dma_async_tx_descriptor</c>. The simulated channel allocates its own
/// descriptor at the first submit (see <see cref="DmaChan"/>'s prep remarks). Callbacks run on the
/// channel's completion actor and read the callback fields then; submit publishes them (queueing
/// to the channel is a full fence).
/// </remarks>
public sealed class DmaAsyncTxDescriptor
{
    private readonly Lock _gate = new();
    private readonly TransferSpec _spec;
    private readonly int _generation;
    private long _hardwareId = -1;
    private bool _submitted;
    private bool _hardwareReusable;
    private bool _lastSubmit;
    private bool _freed;

    /// <summary>The slot's terminate generation at the latest submit: a terminate since then took the descriptor back.</summary>
    private int _submitGeneration;

    internal DmaAsyncTxDescriptor(DmaChan chan, TransferSpec spec, DmaCtrlFlags flags, int generation)
    {
        Chan = chan;
        _spec = spec;
        Flags = flags;
        _generation = generation;
    }

    /// <summary>Kernel: <c>tx-&gt;chan</c>.</summary>
    public DmaChan Chan { get; }

    /// <summary>Kernel: <c>tx-&gt;flags</c>.</summary>
    public DmaCtrlFlags Flags { get; private set; }

    /// <summary>
    /// Set by async_tx, whose <see cref="Callback"/> is the driver's cleanup (it runs the dependencies,
    /// kernel: <c>dma_run_dependencies()</c>) rather than a client's: no DMA_PREP_INTERRUPT warning for it (C-28).
    /// </summary>
    internal bool CallbackIsCleanup { get; set; }

    /// <summary>Kernel: <c>tx-&gt;cookie</c>: 0 before submit, then the cookie of the latest submit.</summary>
    public int Cookie { get; private set; }

    /// <summary>Kernel: <c>tx-&gt;callback</c>: runs on completion (each period, for cyclic) unless <see cref="CallbackResult"/> is set (C-33).</summary>
    public DmaAsyncTxCallback? Callback { get; set; }

    /// <summary>Kernel: <c>tx-&gt;callback_result</c>: wins over <see cref="Callback"/> when both are set (C-33).</summary>
    public DmaAsyncTxCallbackResult? CallbackResult { get; set; }

    /// <summary>Kernel: <c>tx-&gt;callback_param</c>.</summary>
    public object? CallbackParam { get; set; }

    /// <summary>Bytes the descriptor moves (one pass, for cyclic).</summary>
    public long Length => _spec.TotalBytes;

    /// <summary>Assigns the next cookie and queues the descriptor; nothing starts before <see cref="DmaChan.IssuePending"/> (C-39, C-41).</summary>
    /// <returns>The cookie.</returns>
    /// <exception cref="DmaException">EINVAL: submitted twice (C-40), freed, or killed by a terminate since prep (H-7); ENODEV: channel released.</exception>
    /// <remarks>Kernel: <c>dmaengine_submit()</c>.</remarks>
    public int Submit()
    {
        const string call = "dmaengine_submit()";
        Chan.EnsureActive(call);
        long id;
        DmaCtrlFlags flags;
        lock (_gate)
        {
            if (_freed) throw new DmaException("EINVAL", "C-59", $"{Chan.Name}: {call} of a descriptor freed by dmaengine_desc_free(). Prepare a new one.");
            if (_submitted && (!_hardwareReusable || _lastSubmit))
                throw new DmaException("EINVAL", "C-40", $"{Chan.Name}: {call} of a descriptor already submitted (cookie {Cookie}). After submit it belongs to the engine; prepare a new descriptor, or use dmaengine_desc_set_reuse() before the first submit.");
            id = _hardwareId;
            flags = Flags;
        }
        if (id < 0 && _generation != Chan.Slot.TerminateGeneration)
            throw new DmaException("EINVAL", "H-7", $"{Chan.Name}: {call} of a descriptor prepared before a terminate: terminate frees prepared descriptors too. Prepare it again.");
        if ((flags & DmaCtrlFlags.PrepInterrupt) == 0 && !CallbackIsCleanup && (Callback is not null || CallbackResult is not null))
        {
            Chan.Slot.Device.Engine.System.Log.Warning(
                "{0}: {1} of a descriptor with a callback but without DMA_PREP_INTERRUPT: the hardware raises no completion interrupt for it, so the callback runs only at a later descriptor's interrupt or a status poll (C-28). Prepare it with DMA_PREP_INTERRUPT.",
                Chan.Name, call);
        }
        var options = new DescriptorOptions(flags, Invoke);
        var port = Chan.Port;
        if (id < 0 && (flags & DmaCtrlFlags.CtrlReuse) == 0)
        {
            // The common case, as vchan_tx_submit: the cookie now, the descriptor queued behind it, no round trip.
            int cookie = port.Submit(_spec, options);
            Submitted(id, cookie);
            return cookie;
        }
        // A reusable descriptor keeps its channel-side handle; its cookie, too, is handed out by the port.
        if (id < 0)
        {
            id = port.Prepare(_spec, options);
            lock (_gate) _hardwareReusable = true;
            Chan.Slot.TrackReusable(id);
        }
        else if (InFlight(port))
        {
            throw new DmaException("EINVAL", "C-60", $"{Chan.Name}: {call} of a reusable descriptor whose last submit (cookie {Cookie}) has not completed: it is back on desc_allocated only after completion (or a terminate). Wait for its callback or poll dmaengine_tx_status().");
        }
        int reused = port.SubmitPrepared(id, _spec.TotalBytes);
        Submitted(id, reused);
        return reused;
    }

    /// <summary>Whether the latest submit of this reusable descriptor is still queued or running (no completion, no terminate since).</summary>
    private bool InFlight(Actors.Channels.VirtualChannelPort port) =>
        _submitGeneration == Chan.Slot.TerminateGeneration && port.Status(Cookie).Status is not (DmaStatus.Complete or DmaStatus.Error);

    private void Submitted(long id, int cookie)
    {
        lock (_gate)
        {
            _hardwareId = id;
            _submitted = true;
            _submitGeneration = Chan.Slot.TerminateGeneration;
            // Without the flag (never set, or cleared since) this submit is the last (C-60).
            if (!_hardwareReusable || (Flags & DmaCtrlFlags.CtrlReuse) == 0) _lastSubmit = true;
            Cookie = cookie;
        }
    }

    /// <summary>Marks the descriptor reusable: it survives completion and may be submitted again (C-58, C-60). Call before the first submit.</summary>
    /// <exception cref="DmaException">ENXIO: the channel has no slave caps; EPERM: the device does not declare descriptor_reuse; EINVAL: already submitted.</exception>
    /// <remarks>Kernel: <c>dmaengine_desc_set_reuse()</c>.</remarks>
    public void SetReuse()
    {
        var caps = Chan.GetSlaveCaps();
        if (!caps.DescriptorReuse)
            throw new DmaException("EPERM", "C-58", $"{Chan.Name}: dmaengine_desc_set_reuse(): {Chan.Device.Dev} does not declare descriptor_reuse. Prepare a new descriptor per transfer.");
        lock (_gate)
        {
            if (_submitted)
                throw new DmaException("EINVAL", "C-58", $"{Chan.Name}: dmaengine_desc_set_reuse() after submit: the simulated channel fixes DMA_CTRL_REUSE when the descriptor is first submitted. Set it right after prep.");
            Flags |= DmaCtrlFlags.CtrlReuse;
        }
    }

    /// <summary>Clears reuse: the next submit is the last (C-59, C-60).</summary>
    /// <remarks>Kernel: <c>dmaengine_desc_clear_reuse()</c>.</remarks>
    public void ClearReuse()
    {
        lock (_gate)
        {
            Flags &= ~DmaCtrlFlags.CtrlReuse;
        }
    }

    /// <summary>Whether DMA_CTRL_REUSE is set (C-59).</summary>
    /// <returns>True when reusable.</returns>
    /// <remarks>Kernel: <c>dmaengine_desc_test_reuse()</c>.</remarks>
    public bool TestReuse()
    {
        lock (_gate) return (Flags & DmaCtrlFlags.CtrlReuse) != 0;
    }

    /// <summary>Frees a reusable descriptor that is not in flight (C-59).</summary>
    /// <exception cref="DmaException">EPERM: not reusable, or still queued or running.</exception>
    /// <remarks>Kernel: <c>dmaengine_desc_free()</c>.</remarks>
    public void Free()
    {
        const string call = "dmaengine_desc_free()";
        long id;
        lock (_gate)
        {
            if ((Flags & DmaCtrlFlags.CtrlReuse) == 0 || _freed)
                throw new DmaException("EPERM", "C-59", $"{Chan.Name}: {call} of a descriptor without DMA_CTRL_REUSE: the engine frees those itself after completion.");
            id = _hardwareId;
        }
        if (id >= 0)
        {
            Chan.EnsureActive(call);
            if (InFlight(Chan.Port))
                throw new DmaException("EPERM", "C-59", $"{Chan.Name}: {call} of a descriptor still queued or running (cookie {Cookie}): wait for its completion (or terminate the channel) first.");
            Chan.Port.Post(new FreeDescriptor(id));
            Chan.Slot.ForgetReusable(id);
        }
        lock (_gate) _freed = true;
    }

    /// <summary>Runs on the completion actor: <c>callback_result</c> if set, else <c>callback</c> (C-33).</summary>
    private void Invoke(DmaengineResult outcome)
    {
        var withResult = CallbackResult;
        if (withResult is not null)
        {
            withResult(CallbackParam, outcome);
            return;
        }
        Callback?.Invoke(CallbackParam);
    }
}
