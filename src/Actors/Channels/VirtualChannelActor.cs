using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Completion;
using DmaActors.Actors.Transfers;
using DmaActors.Runtime;

namespace DmaActors.Actors.Channels;

/// <summary>
/// A virtual DMA channel (kernel twin: <c>struct virt_dma_chan</c>): the five descriptor lists,
/// the cookies, and the protocol with the arbiter for a physical channel. Nothing starts before
/// issue_pending. Client commands are here; hardware events in the .Hardware partial.
/// </summary>
/// <remarks>
/// Lifecycle of a descriptor (contract section 2.6):
///   Prepare → Prepared (allocated) --Submit--> Submitted (cookie) --IssuePending--> Issued
///   --physical channel free--> Active --last burst over--> Completed (cookie completed, callback queued)
///   Active --TerminateAll--> Terminated (no callback; freed at Synchronize)
///   Prepared/Submitted/Issued --TerminateAll--> Freed (reusable ones back to Prepared)
/// The state lives in <see cref="VirtualChannelState"/>, so a restart loses nothing.
/// </remarks>
public sealed partial class VirtualChannelActor : Actor
{
    private readonly VirtualChannelState _s;

    internal VirtualChannelActor(VirtualChannelState state)
    {
        _s = state;
        // Most channels of a large controller stay idle: their handlers are built when first used.
        ReceiveLazily(ReceiveCommands);
    }

    private void ReceiveCommands()
    {
        Receive<PrepareDescriptor>(OnPrepare);
        Receive<SubmitDescriptor>(OnSubmit);
        Receive<SubmitNewDescriptor>(OnSubmitNew);
        Receive<IssuePending>(OnIssuePending);
        Receive<QueryTxStatus>(OnTxStatus);
        Receive<PauseChannel>(_ => OnPause());
        Receive<ResumeChannel>(_ => OnResume());
        Receive<TerminateAll>(_ => OnTerminateAll());
        Receive<SynchronizeChannel>(_ => OnSynchronize());
        Receive<FreeDescriptor>(OnFree);
        Receive<QueryChannelState>(_ => Sender.Tell(Report()));
        ReceiveHardware();
    }

    /// <summary>Props for a virtual channel whose state survives restarts.</summary>
    internal static Props PropsFor(VirtualChannelState state) => Props.Create(() => new VirtualChannelActor(state));

    private void OnPrepare(PrepareDescriptor prepare)
    {
        var descriptor = Allocate(prepare.Spec, prepare.Options);
        _s.Allocated.AddLast(descriptor);
        Sender.Tell(new DescriptorPrepared(descriptor.Id));
    }

    private Descriptor Allocate(TransferSpec spec, DescriptorOptions options)
    {
        var descriptor = new Descriptor(_s.NextId++, spec, options);
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
            Reject("EINVAL", $"{_s.Name}: descriptor {submit.DescriptorId} cannot be submitted: it is {where}. A descriptor is submitted once, after prep and before issue_pending (contract V-4, C-rules on submit).");
            return;
        }
        _s.Allocated.Remove(descriptor);
        QueueSubmitted(descriptor, _s.Cookies.Reserve());
        Sender.Tell(new DescriptorSubmitted(descriptor.Id, descriptor.Cookie));
    }

    private void OnSubmitNew(SubmitNewDescriptor submit) => QueueSubmitted(Allocate(submit.Spec, submit.Options), submit.Cookie);

    private void OnIssuePending(IssuePending issue)
    {
        int moved = _s.Submitted.Count;
        while (_s.Submitted.First is { } node)
        {
            _s.Submitted.RemoveFirst();
            node.Value.State = DescriptorState.Issued;
            _s.Issued.AddLast(node.Value);
        }
        if (issue.Reply) Sender.Tell(new PendingIssued(moved));
        NeedHardware();
    }

    private void OnTxStatus(QueryTxStatus query)
    {
        int last = _s.Cookies.LastCompleted, used = _s.Cookies.LastUsed;
        if (_s.Cookies.IsComplete(query.Cookie))
        {
            var status = _s.Failures.ContainsKey(query.Cookie) ? DmaStatus.Error : DmaStatus.Complete;
            Sender.Tell(new TxStatusReport(status, last, used, 0));
            return;
        }
        Sender.Tell(new TxStatusReport(_s.Paused ? DmaStatus.Paused : DmaStatus.InProgress, last, used, Residue(query.Cookie)));
    }

    /// <summary>Residue of an incomplete cookie (P-14): full size while queued, the hardware's position while active, at the channel's granularity.</summary>
    private long Residue(int cookie)
    {
        if (_s.Active is { } active && active.Cookie == cookie)
        {
            var run = active.Run!;
            return _s.Granularity switch
            {
                ResidueGranularity.Burst => run.ResidueAt(Context.Clock),
                ResidueGranularity.Segment => SegmentResidue(run, run.SegmentsDoneAt(Context.Clock)),
                _ => run.Spec.TotalBytes,
            };
        }
        foreach (var queued in _s.Issued.Concat(_s.Submitted))
        {
            if (queued.Cookie == cookie) return queued.Spec.TotalBytes;
        }
        return 0;
    }

    private static long SegmentResidue(DescriptorRun run, int segmentsDone)
    {
        long done = 0;
        for (int i = 0; i < segmentsDone && i < run.Spec.Segments.Count; i++) done += run.Spec.Segments[i].Length;
        return run.Spec.TotalBytes - done;
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
        Sender.Tell(new DescriptorFreed(descriptor.Id));
    }

    private void OnSynchronize()
    {
        // vchan_synchronize: once the tasklet has drained, no callback of a terminated descriptor can run.
        _s.AwaitingDrain.Enqueue(Sender);
        _s.Completion.Tell(DrainCallbacks.Instance);
    }

    private void Reject(string errno, string reason) => Sender.Tell(new CommandRejected(errno, reason));

    private ChannelStateReport Report() => new(
        _s.Allocated.Count, _s.Submitted.Count, _s.Issued.Count, _s.CompletedCount, _s.Terminated.Count,
        _s.Active?.Id ?? -1, _s.PhysicalIndex, _s.Paused, _s.Cookies.LastUsed, _s.Cookies.LastCompleted);
}
