using Akka.Actor;
using Akka.Event;
using DmaActors.Actors.Transfers;
using DmaActors.Runtime;

namespace DmaActors.Actors.Channels;

/// <summary>
/// A virtual DMA channel (kernel twin: <c>struct virt_dma_chan</c>): the five descriptor lists,
/// the cookies, and the protocol with the arbiter for a physical channel. Nothing starts before
/// issue_pending. Clients reach it through its <see cref="VirtualChannelPort"/>.
/// </summary>
/// <remarks>
/// Lifecycle of a descriptor (contract section 2.6):
///   Prepare → Prepared (allocated) --Submit--> Submitted (cookie) --IssueSubmitted--> Issued
///   --physical channel free--> Active --last burst over--> Completed (cookie completed, callback queued)
///   Active --TerminateChannel--> Terminated (no callback; freed at Synchronize)
///   Prepared/Submitted/Issued --TerminateChannel--> Freed (reusable ones back to Prepared)
/// Every message it handles is registered in the constructor below; client commands are handled
/// here, pause/resume/terminate/synchronize in the .Control partial, the hardware's events in the
/// .Hardware partial. The state lives in <see cref="VirtualChannelState"/>, so a restart loses nothing.
/// </remarks>
public sealed partial class VirtualChannelActor : ReceiveActor
{
    private readonly VirtualChannelState _s;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    internal VirtualChannelActor(VirtualChannelState state)
    {
        _s = state;
        // Clients
        Receive<PrepareDescriptor>(OnPrepare);
        Receive<SubmitDescriptor>(OnSubmit);
        Receive<SubmitNewDescriptor>(OnSubmitNew);
        Receive<IssueSubmitted>(OnIssueSubmitted);
        Receive<GetTxStatus>(q =>
        {
            NoticeCompletions();
            Sender.Tell(_s.Port.Status(q.Cookie));
        });
        Receive<NoticeCompletions>(_ => NoticeCompletions());
        Receive<PauseChannel>(_ => OnPause());
        Receive<ResumeChannel>(_ => OnResume());
        Receive<TerminateChannel>(_ => OnTerminate());
        Receive<SynchronizeChannel>(_ => OnSynchronize());
        Receive<FreeDescriptor>(OnFree);
        Receive<GetChannelState>(_ => Sender.Tell(Report()));
        // Arbiter
        Receive<PhysicalChannelAssigned>(OnAssigned);
        Receive<PhysicalChannelUnavailable>(u => _log.Error("{0}: no physical channel can be had: {1}", _s.Name, u.Reason));
        // Physical channel
        Receive<DescriptorFinished>(OnFinished);
        Receive<PeriodElapsed>(OnPeriodElapsed);
        Receive<TransferPreempted>(OnPreempted);
        Receive<PauseTransferReply>(p => OnHardwareConfirmed(0, p.Residue));
        Receive<ResumeTransferReply>(_ => OnHardwareConfirmed(0, 0));
        Receive<AbortTransferReply>(a => OnHardwareConfirmed(a.BytesMoved, 0));
        // Completion actor
        Receive<PeriodCallbackRan>(_ => { _s.PeriodCallbackPending = false; });
        Receive<Completion.DrainCallbacksReply>(_ => OnCallbacksDrained());
    }

    /// <summary>Props for a virtual channel whose state survives restarts.</summary>
    internal static Props PropsFor(VirtualChannelState state) => FactoryProps.Of(() => new VirtualChannelActor(state));

    /// <summary>Whether the current command came from somebody who waits for an answer (the port's posts do not).</summary>
    private bool Answered => !Sender.IsNobody();

    private void OnPrepare(PrepareDescriptor prepare)
    {
        var descriptor = Allocate(prepare.DescriptorId, prepare.Spec, prepare.Options);
        _s.Allocated.AddLast(descriptor);
        if (Answered) Sender.Tell(new PrepareDescriptorReply(descriptor.Id));
    }

    private Descriptor Allocate(long id, TransferSpec spec, DescriptorOptions options)
    {
        var descriptor = new Descriptor(id, spec, options);
        _s.ById.Add(descriptor.Id, descriptor);
        return descriptor;
    }

    /// <summary>vchan_tx_submit's second half: the descriptor, with its cookie, to the tail of the submitted list.</summary>
    private void QueueSubmitted(Descriptor descriptor, int cookie)
    {
        descriptor.Cookie = cookie;
        descriptor.State = DescriptorState.Submitted;
        _s.Cookies.Submitted(cookie);
        _s.Submitted.AddLast(descriptor);
    }

    private void OnSubmit(SubmitDescriptor submit)
    {
        if (!_s.ById.TryGetValue(submit.DescriptorId, out var descriptor) || descriptor.State != DescriptorState.Prepared)
        {
            string where = descriptor is null ? "unknown (freed, or never prepared on this channel)" : descriptor.State.ToString().ToLowerInvariant();
            Reject("EINVAL", $"{_s.Name}: descriptor {submit.DescriptorId} cannot be submitted: it is {where}. A descriptor is submitted once, after prep and before issue_pending (contract V-4, C-40).");
            return;
        }
        _s.Allocated.Remove(descriptor);
        QueueSubmitted(descriptor, submit.Cookie);
        if (Answered) Sender.Tell(new SubmitDescriptorReply(descriptor.Id, descriptor.Cookie));
    }

    private void OnSubmitNew(SubmitNewDescriptor submit) => QueueSubmitted(Allocate(_s.NextId++, submit.Spec, submit.Options), submit.Cookie);

    private void OnIssueSubmitted(IssueSubmitted issue)
    {
        int moved = _s.Submitted.Count;
        while (_s.Submitted.First is { } node)
        {
            _s.Submitted.RemoveFirst();
            node.Value.State = DescriptorState.Issued;
            _s.Issued.AddLast(node.Value);
        }
        if (Answered) Sender.Tell(new IssueSubmittedReply(moved));
        if (issue.JoinedQueue)
        {
            // The port queued this channel when the caller issued (V-17). Waiting for a physical
            // channel, it takes its turn; holding one, it runs the new work there and leaves the
            // queue; a paused channel does not wait (V-19).
            if (_s.Physical is null && !_s.Paused)
            {
                _s.WaitingForPhysical = true;
                _s.Port.WaitingChannels?.Rejoin(Self);
                return;
            }
            LeaveQueue();
        }
        NeedHardware();
    }

    private void OnFree(FreeDescriptor free)
    {
        if (!_s.ById.TryGetValue(free.DescriptorId, out var descriptor) || descriptor.State != DescriptorState.Prepared || !descriptor.Reusable)
        {
            Reject("EPERM", $"{_s.Name}: descriptor {free.DescriptorId} cannot be freed: only a reusable (DMA_CTRL_REUSE) descriptor that is not submitted or in flight can be (dmaengine_desc_free).");
            return;
        }
        _s.Allocated.Remove(descriptor);
        _s.ById.Remove(descriptor.Id);
        descriptor.State = DescriptorState.Freed;
        if (Answered) Sender.Tell(new FreeDescriptorReply(descriptor.Id));
    }

    /// <summary>Refuses the current command: to its sender, or, for a post nobody waits on, to the log (the façade checks these before posting).</summary>
    private void Reject(string errno, string reason)
    {
        if (Answered) Sender.Tell(new CommandRejectedReply(errno, reason));
        else _log.Error("{0} ({1})", reason, errno);
    }

    private ChannelStateReply Report() => new(
        _s.Allocated.Count, _s.Submitted.Count, _s.Issued.Count, _s.CompletedCount, _s.Terminated.Count,
        _s.Active?.Id ?? -1, _s.PhysicalIndex, _s.Paused, _s.Cookies.LastUsed, _s.Cookies.LastCompleted)
    {
        WaitingForPhysical = _s.WaitingForPhysical,
        AbortInFlight = _s.AbortInFlight,
    };
}
