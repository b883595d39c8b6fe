using DmaActors.Actors.Transfers;

namespace DmaActors.Actors.Channels;

// What a client (the dmaengine façade) asks a virtual channel, and the replies. Every command is
// answered, with its reply or with CommandRejected naming the kernel errno and the rule broken.

/// <summary>A descriptor's client-side options.</summary>
/// <param name="Flags">dma_ctrl_flags.</param>
/// <param name="Callback">Completion (or, for cyclic, period) callback; run on the completion actor.</param>
public sealed record DescriptorOptions(TransferFlags Flags = TransferFlags.None, Action<TransferOutcome>? Callback = null);

/// <summary>device_prep_*: allocate a descriptor for <see cref="Spec"/>. Reply: <see cref="DescriptorPrepared"/>.</summary>
/// <param name="Spec">What to transfer.</param>
/// <param name="Options">Flags and callback.</param>
public sealed record PrepareDescriptor(TransferSpec Spec, DescriptorOptions Options);

/// <summary>Reply: the descriptor is on the allocated list.</summary>
/// <param name="DescriptorId">Its handle.</param>
public sealed record DescriptorPrepared(long DescriptorId);

/// <summary>tx_submit: give the descriptor a cookie and queue it (nothing starts yet). Reply: <see cref="DescriptorSubmitted"/>.</summary>
/// <param name="DescriptorId">Which descriptor.</param>
public sealed record SubmitDescriptor(long DescriptorId);

/// <summary>
/// prep + tx_submit in one, with the cookie already assigned by <see cref="VirtualChannelSubmitter"/>
/// (under the channel's submit lock, as <c>vchan_tx_submit</c> assigns it under <c>vc-&gt;lock</c>).
/// No reply: allocating and queueing a descriptor cannot fail.
/// </summary>
/// <param name="Spec">What to transfer.</param>
/// <param name="Options">Flags and callback.</param>
/// <param name="Cookie">The cookie the submitter handed out for it.</param>
public sealed record SubmitNewDescriptor(TransferSpec Spec, DescriptorOptions Options, int Cookie);

/// <summary>Reply: the descriptor's cookie.</summary>
/// <param name="DescriptorId">Which descriptor.</param>
/// <param name="Cookie">Its cookie.</param>
public sealed record DescriptorSubmitted(long DescriptorId, int Cookie);

/// <summary>device_issue_pending: move submitted descriptors to the issued list and start the hardware if idle. Reply: <see cref="PendingIssued"/>, unless <see cref="Quiet"/>.</summary>
public sealed record IssuePending
{
    /// <summary>The one that is answered.</summary>
    public static readonly IssuePending Instance = new();

    /// <summary>The one that is not (kernel: <c>dma_async_issue_pending()</c> returns nothing).</summary>
    public static readonly IssuePending Quiet = new() { Reply = false };

    /// <summary>Whether the sender wants <see cref="PendingIssued"/>.</summary>
    public bool Reply { get; private init; } = true;
}

/// <summary>Reply: how many descriptors were moved to the issued list.</summary>
/// <param name="Issued">Count.</param>
public sealed record PendingIssued(int Issued);

/// <summary>device_tx_status. Reply: <see cref="TxStatusReport"/>.</summary>
/// <param name="Cookie">The cookie asked about.</param>
public sealed record QueryTxStatus(int Cookie);

/// <summary>Reply: struct dma_tx_state plus the status.</summary>
/// <param name="Status">Complete, in progress, paused or error.</param>
/// <param name="LastCompleted">state->last.</param>
/// <param name="LastUsed">state->used.</param>
/// <param name="Residue">Bytes left, at the channel's residue granularity.</param>
public sealed record TxStatusReport(DmaStatus Status, int LastCompleted, int LastUsed, long Residue);

/// <summary>device_pause. Reply: <see cref="ChannelPaused"/>.</summary>
public sealed record PauseChannel
{
    /// <summary>The one instance.</summary>
    public static readonly PauseChannel Instance = new();
}

/// <summary>Reply: paused at a burst boundary.</summary>
/// <param name="Residue">Bytes of the active descriptor not yet moved (0 if none).</param>
public sealed record ChannelPaused(long Residue);

/// <summary>device_resume. Reply: <see cref="ChannelResumed"/>, or rejected if the channel is not paused.</summary>
public sealed record ResumeChannel
{
    /// <summary>The one instance.</summary>
    public static readonly ResumeChannel Instance = new();
}

/// <summary>Reply: resumed.</summary>
public sealed record ChannelResumed
{
    /// <summary>The one instance.</summary>
    public static readonly ChannelResumed Instance = new();
}

/// <summary>device_terminate_all: abort the active descriptor, drop every list, cancel pending callbacks. Reply: <see cref="AllTerminated"/>.</summary>
public sealed record TerminateAll
{
    /// <summary>The one instance.</summary>
    public static readonly TerminateAll Instance = new();
}

/// <summary>Reply: the hardware has stopped.</summary>
/// <param name="Dropped">Descriptors dropped (active, issued, submitted, prepared).</param>
/// <param name="BytesMovedByActive">What the aborted active descriptor had moved.</param>
public sealed record AllTerminated(int Dropped, long BytesMovedByActive);

/// <summary>device_synchronize: wait until no callback of a terminated descriptor can run, then free them. Reply: <see cref="ChannelSynchronized"/>.</summary>
public sealed record SynchronizeChannel
{
    /// <summary>The one instance.</summary>
    public static readonly SynchronizeChannel Instance = new();
}

/// <summary>Reply: synchronized.</summary>
public sealed record ChannelSynchronized
{
    /// <summary>The one instance.</summary>
    public static readonly ChannelSynchronized Instance = new();
}

/// <summary>dmaengine_desc_free: free a reusable descriptor that is not in flight. Reply: <see cref="DescriptorFreed"/>.</summary>
/// <param name="DescriptorId">Which descriptor.</param>
public sealed record FreeDescriptor(long DescriptorId);

/// <summary>Reply: freed.</summary>
/// <param name="DescriptorId">Which descriptor.</param>
public sealed record DescriptorFreed(long DescriptorId);

/// <summary>Asks for a <see cref="ChannelStateReport"/>.</summary>
public sealed record QueryChannelState
{
    /// <summary>The one instance.</summary>
    public static readonly QueryChannelState Instance = new();
}

/// <summary>The virt-dma lists and counters of a channel.</summary>
/// <param name="Allocated">desc_allocated count.</param>
/// <param name="Submitted">desc_submitted count.</param>
/// <param name="Issued">desc_issued count.</param>
/// <param name="Completed">Descriptors completed so far.</param>
/// <param name="Terminated">desc_terminated count (freed at synchronize).</param>
/// <param name="ActiveDescriptor">The running descriptor, or -1.</param>
/// <param name="PhysicalChannel">The physical channel held, or -1.</param>
/// <param name="Paused">Whether paused.</param>
/// <param name="LastUsed">chan->cookie.</param>
/// <param name="LastCompleted">chan->completed_cookie.</param>
public sealed record ChannelStateReport(int Allocated, int Submitted, int Issued, long Completed, int Terminated, long ActiveDescriptor, int PhysicalChannel, bool Paused, int LastUsed, int LastCompleted);

/// <summary>Reply to a command the channel refuses, with the errno the kernel would return and the rule broken.</summary>
/// <param name="Errno">EINVAL, EBUSY, ENOSYS, EPERM...</param>
/// <param name="Reason">What was wrong and how to fix the call.</param>
public sealed record CommandRejected(string Errno, string Reason);
