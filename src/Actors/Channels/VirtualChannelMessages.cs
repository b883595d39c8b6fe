using DmaActors.Actors.Tracing;
using DmaActors.Actors.Transfers;
using DmaActors.Api;

namespace DmaActors.Actors.Channels;

// Everything a virtual channel is told, and what it answers. Clients (the façade, through the
// channel's VirtualChannelPort, or a test) send commands; a command sent with a sender is
// answered with its ...Reply or with CommandRejectedReply naming the errno and the rule; one sent
// without a sender (the port's submits and issues) is not answered. The hardware side (arbiter,
// physical channel, completion actor) sends events and replies of its own protocols.

/// <summary>A descriptor's client-side options.</summary>
/// <param name="Flags">dma_ctrl_flags. The default asks for a completion interrupt (DMA_PREP_INTERRUPT); a
/// descriptor without it completes silently and is noticed at the next interrupt or status poll (C-28).</param>
/// <param name="Callback">Completion (or, for cyclic, period) callback; run on the channel's completion actor.</param>
public sealed record DescriptorOptions(DmaCtrlFlags Flags = DmaCtrlFlags.PrepInterrupt, Action<DmaengineResult>? Callback = null);

/// <summary>device_prep_* for a descriptor the client keeps (DMA_CTRL_REUSE): allocate it under <see cref="DescriptorId"/>. Reply: <see cref="PrepareDescriptorReply"/>.</summary>
/// <param name="DescriptorId">The handle the sender chose (<see cref="VirtualChannelPort.Prepare"/>).</param>
/// <param name="Spec">What to transfer.</param>
/// <param name="Options">Flags and callback.</param>
public sealed record PrepareDescriptor(long DescriptorId, TransferSpec Spec, DescriptorOptions Options);

/// <summary>Reply: the descriptor is on the allocated list.</summary>
/// <param name="DescriptorId">Its handle.</param>
public sealed record PrepareDescriptorReply(long DescriptorId);

/// <summary>tx_submit of a prepared descriptor under <see cref="Cookie"/> (assigned by the port); nothing starts yet. Reply: <see cref="SubmitDescriptorReply"/>.</summary>
/// <param name="DescriptorId">Which descriptor.</param>
/// <param name="Cookie">Its cookie.</param>
public sealed record SubmitDescriptor(long DescriptorId, int Cookie);

/// <summary>Reply: the descriptor is on the submitted list under its cookie.</summary>
/// <param name="DescriptorId">Which descriptor.</param>
/// <param name="Cookie">Its cookie.</param>
public sealed record SubmitDescriptorReply(long DescriptorId, int Cookie);

/// <summary>prep + tx_submit in one, under the cookie the port handed out; never answered (allocating and queueing cannot fail).</summary>
/// <param name="Spec">What to transfer.</param>
/// <param name="Options">Flags and callback.</param>
/// <param name="Cookie">Its cookie.</param>
public sealed record SubmitNewDescriptor(TransferSpec Spec, DescriptorOptions Options, int Cookie);

/// <summary>device_issue_pending: move submitted descriptors to the issued list and start the hardware if idle. Reply: <see cref="IssueSubmittedReply"/>.</summary>
/// <param name="JoinedQueue">Whether the port already put the channel on the controller's <see cref="Arbitration.PendingChannels"/> queue (so it waits for a physical channel without asking).</param>
public sealed record IssueSubmitted(bool JoinedQueue)
{
    /// <summary>An issue that did not queue the channel (answered when sent with a sender).</summary>
    public static readonly IssueSubmitted Instance = new(false);

    /// <summary>An issue whose port queued the channel on the controller's FIFO.</summary>
    public static readonly IssueSubmitted Queued = new(true);
}

/// <summary>Reply: how many descriptors were moved to the issued list.</summary>
/// <param name="Issued">Count.</param>
public sealed record IssueSubmittedReply(int Issued);

/// <summary>device_tx_status. Reply: <see cref="TxStatusReply"/>.</summary>
/// <param name="Cookie">The cookie asked about.</param>
public sealed record GetTxStatus(int Cookie);

/// <summary>
/// Port → virtual channel: a status poll saw descriptors the hardware finished without a
/// completion interrupt (no DMA_PREP_INTERRUPT, C-28): complete them now, in cookie order.
/// </summary>
internal sealed record NoticeCompletions
{
    /// <summary>The one instance.</summary>
    public static readonly NoticeCompletions Instance = new();
}

/// <summary>Reply: <c>struct dma_tx_state</c> plus the status.</summary>
/// <param name="Status">Complete, in progress, paused or error.</param>
/// <param name="LastCompleted">state-&gt;last.</param>
/// <param name="LastUsed">state-&gt;used.</param>
/// <param name="Residue">Bytes left, at the channel's residue granularity.</param>
public sealed record TxStatusReply(DmaStatus Status, int LastCompleted, int LastUsed, long Residue);

/// <summary>device_pause: stop at the next burst boundary. Reply: <see cref="PauseChannelReply"/> once the hardware has stopped.</summary>
public sealed record PauseChannel
{
    /// <summary>The one instance.</summary>
    public static readonly PauseChannel Instance = new();
}

/// <summary>Reply: paused at a burst boundary.</summary>
/// <param name="Residue">Bytes of the active descriptor not yet moved (0 if none).</param>
public sealed record PauseChannelReply(long Residue);

/// <summary>device_resume. Reply: <see cref="ResumeChannelReply"/>, or rejected if the channel is not paused.</summary>
public sealed record ResumeChannel
{
    /// <summary>The one instance.</summary>
    public static readonly ResumeChannel Instance = new();
}

/// <summary>Reply: resumed.</summary>
public sealed record ResumeChannelReply
{
    /// <summary>The one instance.</summary>
    public static readonly ResumeChannelReply Instance = new();
}

/// <summary>device_terminate_all: abort the active descriptor, drop every list. Reply: <see cref="TerminateChannelReply"/> once the hardware has stopped.</summary>
/// <remarks>Callbacks are cancelled by the port's epoch, before this is even handled (V-12).</remarks>
public sealed record TerminateChannel
{
    /// <summary>The one instance.</summary>
    public static readonly TerminateChannel Instance = new();
}

/// <summary>Reply: the hardware has stopped.</summary>
/// <param name="Dropped">Descriptors dropped (active, issued, submitted, prepared).</param>
/// <param name="BytesMovedByActive">What the aborted active descriptor had moved.</param>
public sealed record TerminateChannelReply(int Dropped, long BytesMovedByActive);

/// <summary>device_synchronize: wait until no callback of a terminated descriptor can run, then free them. Reply: <see cref="SynchronizeChannelReply"/>.</summary>
public sealed record SynchronizeChannel
{
    /// <summary>The one instance.</summary>
    public static readonly SynchronizeChannel Instance = new();
}

/// <summary>Reply: synchronized.</summary>
public sealed record SynchronizeChannelReply
{
    /// <summary>The one instance.</summary>
    public static readonly SynchronizeChannelReply Instance = new();
}

/// <summary>dmaengine_desc_free: free a reusable descriptor that is not in flight. Reply: <see cref="FreeDescriptorReply"/>.</summary>
/// <param name="DescriptorId">Which descriptor.</param>
public sealed record FreeDescriptor(long DescriptorId);

/// <summary>Reply: freed.</summary>
/// <param name="DescriptorId">Which descriptor.</param>
public sealed record FreeDescriptorReply(long DescriptorId);

/// <summary>Asks for the virt-dma lists and counters. Reply: <see cref="ChannelStateReply"/>.</summary>
public sealed record GetChannelState
{
    /// <summary>The one instance.</summary>
    public static readonly GetChannelState Instance = new();
}

/// <summary>Reply: the virt-dma lists and counters of a channel.</summary>
/// <param name="Allocated">desc_allocated count.</param>
/// <param name="Submitted">desc_submitted count.</param>
/// <param name="Issued">desc_issued count.</param>
/// <param name="Completed">Descriptors completed so far.</param>
/// <param name="Terminated">desc_terminated count (freed at synchronize).</param>
/// <param name="ActiveDescriptor">The running descriptor, or -1.</param>
/// <param name="PhysicalChannel">The physical channel held, or -1.</param>
/// <param name="Paused">Whether paused.</param>
/// <param name="LastUsed">The last cookie the channel has taken in.</param>
/// <param name="LastCompleted">chan-&gt;completed_cookie.</param>
public sealed record ChannelStateReply(int Allocated, int Submitted, int Issued, long Completed, int Terminated, long ActiveDescriptor, int PhysicalChannel, bool Paused, int LastUsed, int LastCompleted)
{
    /// <summary>Whether the channel waits for a physical channel (queued at the arbiter).</summary>
    public bool WaitingForPhysical { get; init; }

    /// <summary>Whether a terminate's abort of the running descriptor is still unconfirmed by the physical channel.</summary>
    public bool AbortInFlight { get; init; }
}

/// <summary>Reply to a command the channel refuses, with the errno the kernel would return and the rule broken.</summary>
/// <param name="Errno">EINVAL, EBUSY, ENOSYS, EPERM...</param>
/// <param name="Reason">What was wrong and how to fix the call.</param>
public sealed record CommandRejectedReply(string Errno, string Reason);

/// <summary>Arbiter → virtual channel: physical channel <see cref="Channel"/> is yours (answers <c>RequestPhysicalChannel</c>, possibly much later).</summary>
/// <param name="Channel">Its index.</param>
/// <param name="PhysicalChannel">The physical channel actor.</param>
public sealed record PhysicalChannelAssigned(int Channel, Akka.Actor.IActorRef PhysicalChannel) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"assign ch{Channel}";
}

/// <summary>Arbiter → virtual channel: no physical channel can ever be had (dedicated binding, all taken).</summary>
/// <param name="Reason">Why.</param>
public sealed record PhysicalChannelUnavailable(string Reason);

/// <summary>Physical → virtual channel: the descriptor has ended (its last burst's cycles are over).</summary>
/// <param name="DescriptorId">Which descriptor.</param>
/// <param name="Outcome">Result and residue.</param>
public sealed record DescriptorFinished(long DescriptorId, DmaengineResult Outcome) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"end desc{DescriptorId} {Outcome.Result} residue {Outcome.Residue}B";
}

/// <summary>Physical → virtual channel: a period of a cyclic descriptor has been moved.</summary>
/// <param name="DescriptorId">Which descriptor.</param>
public sealed record PeriodElapsed(long DescriptorId) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"period desc{DescriptorId}";
}

/// <summary>Physical → virtual channel: handed back mid-descriptor (quantum expired); resume it on any physical channel.</summary>
/// <param name="Run">The descriptor's state, at a burst boundary.</param>
public sealed record TransferPreempted(DescriptorRun Run) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"preempt desc{Run.DescriptorId} at {Run.BytesMoved}B";
}

/// <summary>Completion → virtual channel: the pending period callback has run (the next period may queue another).</summary>
public sealed record PeriodCallbackRan
{
    /// <summary>The one instance.</summary>
    public static readonly PeriodCallbackRan Instance = new();
}
