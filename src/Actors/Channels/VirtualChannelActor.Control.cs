using Akka.Actor;
using DmaActors.Actors.Arbitration;

namespace DmaActors.Actors.Channels;

// Pause, resume, terminate, synchronize: the commands that need the physical channel to confirm at
// a burst boundary (or the completion actor to drain) before the client is answered. Clients wait
// in AwaitingHardware; the physical channel answers in command order.
public sealed partial class VirtualChannelActor
{
    private bool HardwareRunning => _s.Active is not null && _s.ActiveRunning && _s.Physical is not null;

    private void OnPause()
    {
        _s.Paused = true;
        _s.Port.PublishPaused(true);
        if (HardwareRunning)
        {
            _s.AwaitingHardware.Enqueue((PauseChannel.Instance, Sender, 0));
            _s.Physical!.Tell(PauseTransfer.Instance);
            return;
        }
        // Paused while waiting for a physical channel: leave the queue (V-19).
        CancelPhysicalRequest();
        Answer(new PauseChannelReply(_s.Active?.Run?.Residue ?? 0));
    }

    private void OnResume()
    {
        if (!_s.Paused)
        {
            Reject("EINVAL", $"{_s.Name}: resume of a channel that is not paused (dmaengine_resume needs a preceding dmaengine_pause).");
            return;
        }
        _s.Paused = false;
        _s.Port.PublishPaused(false);
        if (HardwareRunning)
        {
            _s.AwaitingHardware.Enqueue((ResumeChannel.Instance, Sender, 0));
            _s.Physical!.Tell(ResumeTransfer.Instance);
            return;
        }
        Answer(ResumeChannelReply.Instance);
        NeedHardware();
    }

    private void OnTerminate()
    {
        // Callbacks queued before now, of completed descriptors too, must never run (V-12). The
        // port started a new epoch when the client called; a terminate sent some other way needs
        // one here, and one more costs nothing.
        _s.Port.AdvanceEpoch();
        _s.PeriodCallbackPending = false;
        _s.Paused = false;
        _s.Port.PublishPaused(false);
        CancelPhysicalRequest();
        // Finished without an interrupt and not noticed yet: the driver never completes them (V-12, H-2).
        int dropped = DropUnnoticed() + DropList(_s.Issued) + DropList(_s.Submitted) + DropList(_s.Allocated);
        long moved = 0;
        if (_s.Active is { } active)
        {
            moved = active.Run?.BytesMoved ?? 0;
            active.State = DescriptorState.Terminated;
            _s.Terminated.Add(active);
            _s.Active = null;
            _s.Port.PublishIdle();
            dropped++;
            if (_s.ActiveRunning && _s.Physical is not null)
            {
                _s.ActiveRunning = false;
                _s.AbortInFlight = true;
                _s.AwaitingHardware.Enqueue((TerminateChannel.Instance, Sender, dropped));
                _s.Physical.Tell(AbortTransfer.Instance);
                return;
            }
            _s.ActiveRunning = false;
        }
        // An earlier terminate's abort still in flight gives the physical channel back when it is confirmed.
        if (_s.Physical is not null && !_s.AbortInFlight) ReleasePhysical(wantsMore: false);
        // Preempted or waiting: nothing on the hardware to stop, but it had moved data.
        Answer(new TerminateChannelReply(dropped, moved));
    }

    private void OnSynchronize()
    {
        // vchan_synchronize: once the tasklet has drained, no callback of a terminated descriptor can run.
        _s.AwaitingDrain.Enqueue(Sender);
        _s.Completion.Tell(Completion.DrainCallbacks.Instance);
    }

    /// <summary>Frees every descriptor of <paramref name="list"/>; reusable ones go back to the allocated list (V-13).</summary>
    private int DropList(LinkedList<Descriptor> list)
    {
        int dropped = 0;
        var reusable = new List<Descriptor>();
        while (list.First is { } node)
        {
            list.RemoveFirst();
            var descriptor = node.Value;
            if (descriptor.Reusable)
            {
                reusable.Add(descriptor);
                continue;
            }
            dropped++;
            Free(descriptor);
        }
        foreach (var descriptor in reusable) ReturnToAllocated(descriptor);
        return dropped;
    }

    private int DropUnnoticed()
    {
        int dropped = 0;
        while (_s.Unnoticed.TryDequeue(out var unnoticed))
        {
            if (unnoticed.Descriptor.Reusable)
            {
                ReturnToAllocated(unnoticed.Descriptor);
                continue;
            }
            dropped++;
            Free(unnoticed.Descriptor);
        }
        return dropped;
    }

    private void CancelPhysicalRequest()
    {
        if (!_s.WaitingForPhysical) return;
        _s.WaitingForPhysical = false;
        LeaveQueue();
    }

    private void OnHardwareConfirmed(long bytesMoved, long residue)
    {
        if (!_s.AwaitingHardware.TryDequeue(out var waiting)) return;
        switch (waiting.Command)
        {
            case PauseChannel:
                Answer(waiting.Client, new PauseChannelReply(residue));
                break;
            case ResumeChannel:
                Answer(waiting.Client, ResumeChannelReply.Instance);
                break;
            case TerminateChannel:
                _s.AbortInFlight = false;
                Answer(waiting.Client, new TerminateChannelReply(waiting.Dropped, bytesMoved));
                // Work issued since the terminate waited for the abort: it runs now, on the physical
                // channel still held (V-17), or the physical channel goes back.
                if (_s.Physical is null) NeedHardware();
                else if (_s.Issued.Count > 0 && !_s.Paused && _s.Multiplexing != ChannelMultiplexing.TimeSliced) StartNextOrRelease();
                else ReleasePhysical(wantsMore: _s.Issued.Count > 0 && !_s.Paused);
                break;
        }
    }

    private void OnCallbacksDrained()
    {
        foreach (var descriptor in _s.Terminated)
        {
            if (descriptor.Reusable) ReturnToAllocated(descriptor);
            else Free(descriptor);
        }
        _s.Terminated.Clear();
        if (_s.AwaitingDrain.TryDequeue(out var client)) Answer(client, SynchronizeChannelReply.Instance);
    }

    private void Free(Descriptor descriptor)
    {
        descriptor.State = DescriptorState.Freed;
        descriptor.Run = null;
        _s.ById.Remove(descriptor.Id);
    }

    /// <summary>vchan_vdesc_fini for a DMA_CTRL_REUSE descriptor: back to the head of the allocated list, ready to submit again.</summary>
    private void ReturnToAllocated(Descriptor descriptor)
    {
        descriptor.State = DescriptorState.Prepared;
        descriptor.Run = null;
        descriptor.Cookie = 0;
        _s.Allocated.AddFirst(descriptor);
    }

    /// <summary>Answers the current command's sender, unless nobody waits (a post).</summary>
    private void Answer(object reply) => Answer(Sender, reply);

    private static void Answer(IActorRef client, object reply)
    {
        if (!client.IsNobody()) client.Tell(reply);
    }
}
