using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Completion;
using DmaActors.Actors.Transfers;
using DmaActors.Api;

namespace DmaActors.Actors.Channels;

// The hardware side: getting a physical channel from the arbiter, starting descriptors on it,
// and turning its reports into completed cookies and queued callbacks. At a descriptor boundary
// the channel starts its next issued descriptor on the physical channel it holds, and gives the
// physical channel back only when it has nothing issued (V-17, H-11); time-sliced controllers give
// it back at every boundary and queue again for the next turn.
public sealed partial class VirtualChannelActor
{
    /// <summary>Asks for a physical channel, or starts the next descriptor on the one held.</summary>
    private void NeedHardware()
    {
        if (_s.Paused || _s.AbortInFlight) return;
        if (_s.Physical is not null)
        {
            if (_s.Active is null || !_s.ActiveRunning) StartNextOrRelease();
            return;
        }
        if ((_s.Active is not null || _s.Issued.Count > 0) && !_s.WaitingForPhysical)
        {
            _s.WaitingForPhysical = true;
            _s.Arbiter.Tell(new RequestPhysicalChannel(Self, _s.Index));
        }
    }

    private void OnAssigned(PhysicalChannelAssigned assigned)
    {
        _s.Port.WaitingChannels?.Acknowledge(Self);
        _s.WaitingForPhysical = false;
        if (_s.Physical is not null && _s.PhysicalIndex != assigned.Channel)
        {
            _s.Arbiter.Tell(new ReleasePhysicalChannel(assigned.Channel, Self, WantsMore: false));
            return;
        }
        _s.Physical = assigned.PhysicalChannel;
        _s.PhysicalIndex = assigned.Channel;
        if (_s.Paused)
        {
            ReleasePhysical(wantsMore: false);
            return;
        }
        StartNextOrRelease();
    }

    private void StartNextOrRelease()
    {
        if (_s.Active is { Run: { } preempted })
        {
            _s.ActiveRunning = true;
            _s.Physical!.Tell(new StartDescriptor(preempted));
            return;
        }
        if (_s.Issued.First is { } node)
        {
            _s.Issued.RemoveFirst();
            var descriptor = node.Value;
            descriptor.State = DescriptorState.Active;
            descriptor.Run = new DescriptorRun(descriptor.Id, descriptor.Cookie, descriptor.Spec);
            _s.Active = descriptor;
            _s.ActiveRunning = true;
            _s.Port.PublishStarted(descriptor.Cookie, descriptor.Run);
            _s.Physical!.Tell(new StartDescriptor(descriptor.Run));
            return;
        }
        ReleasePhysical(wantsMore: false);
    }

    /// <summary>Leaves the controller's queue at once (a message to the arbiter could arrive after a later issue's entry check).</summary>
    private void LeaveQueue()
    {
        if (_s.Port.WaitingChannels is { } queue) queue.Remove(Self);
        else _s.Arbiter.Tell(new CancelPhysicalChannelRequest(Self));
    }

    private void ReleasePhysical(bool wantsMore)
    {
        _s.Arbiter.Tell(new ReleasePhysicalChannel(_s.PhysicalIndex, Self, wantsMore));
        _s.Physical = null;
        _s.PhysicalIndex = -1;
        _s.WaitingForPhysical = wantsMore;
    }

    private void OnFinished(DescriptorFinished finished)
    {
        // A report for a descriptor that was terminated meanwhile: it is already on desc_terminated.
        if (_s.Active is not { } descriptor || descriptor.Id != finished.DescriptorId) return;
        _s.Active = null;
        _s.ActiveRunning = false;
        if ((descriptor.Options.Flags & DmaCtrlFlags.PrepInterrupt) != 0)
        {
            // The completion interrupt: the driver also completes what finished silently before (C-28).
            NoticeCompletions();
            Complete(descriptor, finished.Outcome);
        }
        else
        {
            // No DMA_PREP_INTERRUPT: the hardware is done, but nobody is told until the next
            // interrupt or a status poll (C-28).
            _s.Unnoticed.Enqueue((descriptor, finished.Outcome));
            _s.Port.PublishFinishedSilently(descriptor.Cookie);
        }
        if (_s.Physical is null) return;
        bool more = _s.Issued.Count > 0 && !_s.Paused;
        if (more && _s.Multiplexing != ChannelMultiplexing.TimeSliced) StartNextOrRelease();
        else ReleasePhysical(wantsMore: more);
    }

    /// <summary>vchan_cookie_complete: the cookie completes, its callback is queued to the tasklet, the descriptor is freed (or kept, if reusable).</summary>
    private void Complete(Descriptor descriptor, DmaengineResult outcome)
    {
        _s.Cookies.Complete(descriptor.Cookie);
        _s.Port.PublishCompleted(descriptor.Cookie, outcome.Result);
        _s.CompletedCount++;
        descriptor.State = DescriptorState.Completed;
        _s.Completion.Tell(new RunCallback(descriptor.Cookie, outcome, descriptor.Options.Callback, _s.Port.Epoch));
        if (descriptor.Reusable) ReturnToAllocated(descriptor);
        else Free(descriptor);
    }

    /// <summary>Completes, in cookie order, the descriptors the hardware finished without an interrupt (C-28).</summary>
    private void NoticeCompletions()
    {
        while (_s.Unnoticed.TryDequeue(out var unnoticed)) Complete(unnoticed.Descriptor, unnoticed.Outcome);
    }

    private void OnPeriodElapsed(PeriodElapsed period)
    {
        // A cyclic descriptor prepared without DMA_PREP_INTERRUPT raises no period interrupts (C-28).
        if (_s.Active is not { } descriptor || descriptor.Id != period.DescriptorId || descriptor.Options.Callback is not { } callback
            || (descriptor.Options.Flags & DmaCtrlFlags.PrepInterrupt) == 0) return;
        // Periods that pass before the tasklet runs collapse into one callback (V-8).
        if (_s.PeriodCallbackPending) return;
        _s.PeriodCallbackPending = true;
        _s.Completion.Tell(new RunPeriodCallback(descriptor.Cookie, callback, _s.Port.Epoch));
    }

    private void OnPreempted(TransferPreempted preempted)
    {
        if (_s.Active?.Run != preempted.Run) return;
        _s.ActiveRunning = false;
        if (_s.Physical is not null) ReleasePhysical(wantsMore: !_s.Paused);
    }
}
