using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Bus;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;

namespace DmaActors.Actors.Channels;

// Coalesced bursts (see ControllerArbiterActor's .Trains partial). A memory-to-memory channel
// offers the arbiter all the whole bursts left in its segment; granted as a train, it parks the
// data as a DeferredTransfer on the memory, which performs each burst when it falls due, at the
// latest when someone looks (any access to that memory catches up first) or when the train ends
// (cut by the arbiter; stopped by a pause, abort, preemption or crash; or run to its end).
// tx_status reads the position from the train's schedule (DescriptorRun.BytesMovedAt), so memory
// and residue agree at every instant, as under per-burst arbitration.
// Eligible: no fault plan, not cyclic, not slave, ranges known to be accessible and not
// overlapping, and a memory that can defer writes.
public sealed partial class PhysicalChannelActor
{
    /// <summary>Whether the whole bursts left in the run's segment could go as one train (at least two, nothing in the way).</summary>
    private bool CanTrain(DescriptorRun run)
    {
        int burst = run.Spec.BurstBytes;
        if (_faults is not null || _preempt || run.Spec.Cyclic || run.Spec.Direction != DmaTransferDirection.MemToMem || burst <= 0 || _memory.DeferredWrites is null) return false;
        int bursts = run.WholeBurstsLeftInSegment;
        if (bursts < 2) return false;
        var segment = run.CurrentSegment;
        ulong length = (ulong)bursts * (ulong)burst;
        ulong destination = segment.Destination + (ulong)run.SegmentOffset;
        if (!_memory.CanAccess(destination, (long)length, write: true)) return false;
        if (run.Spec.Kind == TransferKind.Memset) return true;
        ulong source = segment.Source + (ulong)run.SegmentOffset;
        // Burst-sized copies of overlapping ranges differ from one big copy: keep those burst by burst.
        bool overlaps = source < destination + length && destination < source + length;
        return !overlaps && _memory.CanAccess(source, (long)length, write: false);
    }

    private void BeginTrain(BusGranted grant)
    {
        var run = _run!;
        var schedule = new BurstTrain(_clock.NowNanoseconds, grant.DurationNanoseconds, grant.Bursts, grant.Bytes);
        var segment = run.CurrentSegment;
        ulong offset = (ulong)run.SegmentOffset;
        byte? fill = run.Spec.Kind == TransferKind.Memset ? (byte)segment.Source : null;
        _deferred = new DeferredTransfer(_memory, schedule, _clock, segment.Source + offset, segment.Destination + offset, fill);
        _memory.DeferredWrites!.Add(_deferred);
        run.BeginTrain(schedule);
    }

    /// <summary>The arbiter ended the train: move what it granted; the arbiter may hold the next request already.</summary>
    private void OnTrainEnded(BusTrainEnded ended)
    {
        // Crossed with this channel's own StopBusTrain: the train is settled already.
        if (_deferred?.Schedule is not { } train) return;
        SettleTrain(train, ended.Bursts);
        _requested = ended.RequestKept;
        if (FinishAfterTrain(train, ended.Bursts, mayFinishNow: true)) return;
        RequestNext();
    }

    /// <summary>Stops a train in progress at the burst boundary after now and tells the arbiter (pause, abort, preemption, crash).</summary>
    private void StopTrain()
    {
        if (_deferred?.Schedule is not { } train) return;
        int bursts = train.StartedBy(_clock);
        SettleTrain(train, bursts);
        _arbiter.Tell(new StopBusTrain(_index, bursts));
        FinishAfterTrain(train, bursts, mayFinishNow: false);
    }

    /// <summary>If the train moved the last of the data (or failed), the descriptor ends with its last burst; true then.</summary>
    private bool FinishAfterTrain(BurstTrain train, int bursts, bool mayFinishNow)
    {
        if (_failure == DmaengineTxResult.NoError && !_run!.DataComplete) return false;
        Withdraw();
        BeginFinishing(train.EndOf(bursts) - _clock.NowNanoseconds, mayFinishNow);
        return true;
    }

    /// <summary>Performs the first <paramref name="bursts"/> bursts of the train (those the memory has not caught up on) and ends it.</summary>
    private void SettleTrain(BurstTrain train, int bursts)
    {
        var run = _run!;
        var deferred = _deferred!;
        _deferred = null;
        var status = _memory.DeferredWrites!.Settle(deferred, bursts);
        // A bus error here means the memory changed under the train (its ranges were accessible when it began).
        Failed(status);
        if (run.Advance(deferred.Performed * train.BurstBytes)) _owner!.Tell(new PeriodElapsed(run.DescriptorId));
        run.EndTrain();
    }
}
