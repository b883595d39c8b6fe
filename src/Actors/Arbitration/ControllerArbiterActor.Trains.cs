using Akka.Actor;
using DmaActors.Actors.Bus;
using DmaActors.Actors.Channels;

namespace DmaActors.Actors.Arbitration;

// Burst coalescing. When one physical channel is the only one asking for the bus, nobody waits
// for a physical channel, the clock is virtual and nothing traces the hardware, its back-to-back
// bursts are granted as one train: one grant, one timer and, in the channel, one copy, instead of
// a grant, a timer and a copy per burst. Simulated timing does not change. The train is cut at
// the next burst boundary the moment anything else needs the arbiter (another channel's request,
// a virtual channel starting to wait, the channel's own pause or abort); what had been granted
// by then is accounted burst by burst, the owner's next request is registered as it would have
// been, and the bus stays busy to the end of the burst in flight. The timer that ends a train
// is ordered among equal-time timers as of the last burst's start, where per-burst arbitration
// would have started it.
// Fast-forward under contention (issue 15): other channels may be waiting for the bus too, when
// the policy proves (ArbitrationPolicy.KeepsWinning) that the winner, asking again after each
// burst, would win every burst of the train against the requests as they stand; any change of
// those requests (a new one, a queue change) cuts the train as above. Withdrawn losers change
// nothing for a winner that beat them.
public sealed partial class ControllerArbiterActor
{
    /// <summary>The train running now, if any.</summary>
    private ActiveTrain? _train;

    /// <summary>Whether the winner's request may go as a train now, and of how many bursts.</summary>
    private bool MayCoalesce(BusRequestView winner, Channels.DescriptorRun? train, out int bursts)
    {
        bursts = train?.WholeBurstsLeftInSegment ?? 0;
        return bursts >= 2 && Uncontested(winner);
    }

    /// <summary>Nobody else asks for the bus, or the policy proves the winner would get every burst of the train anyway (fast-forward).</summary>
    private bool Uncontested(BusRequestView winner) =>
        _settings.CoalesceBursts
        && (_pending.Count == 1 || (_settings.FastForward && _settings.Policy.KeepsWinning(winner, _pending)))
        && !_waitingChannels.Any(_isNotOwner)
        && _clock.IsVirtual
        && _world.Tracer is null;

    private void StartTrain(BusRequestView winner, int bursts, int afterTrainBytes, long burstNanoseconds)
    {
        var schedule = new BurstTrain(_clock.NowNanoseconds, burstNanoseconds, bursts, winner.Bytes);
        _train = new ActiveTrain(winner, schedule, afterTrainBytes);
        _channels[winner.Channel].Tell(new BusGranted(winner.Channel, winner.Bytes, burstNanoseconds) { Bursts = bursts });
        StartBusTimer(schedule.EndOf(bursts) - schedule.Start, orderAsOf: schedule.EndOf(bursts - 1));
    }

    /// <summary>
    /// Ends the train after <paramref name="bursts"/> bursts; the bus stays the owner's until the
    /// last of them is over. Cut by the arbiter, the owner is told, with its next request kept.
    /// </summary>
    private void CutTrain(int bursts, bool byChannel)
    {
        var train = EndTrain(bursts);
        StopBusTimer();
        long now = _clock.NowNanoseconds;
        StartBusTimer(train.Schedule.EndOf(bursts) - now, orderAsOf: train.Schedule.EndOf(bursts - 1));
        if (byChannel) return;
        bool kept = KeepNextRequest(train, bursts);
        _channels[train.Channel].Tell(new BusTrainEnded(train.Channel, bursts, kept));
    }

    /// <summary>The train ran to its end (its timer fired): its owner's next request, if any, competes now.</summary>
    private void FinishTrain(ActiveTrain train)
    {
        int bursts = train.Schedule.Bursts;
        EndTrain(bursts);
        bool kept = KeepNextRequest(train, bursts);
        _channels[train.Channel].Tell(new BusTrainEnded(train.Channel, bursts, kept));
    }

    /// <summary>Accounts <paramref name="bursts"/> bursts of the train as single grants and forgets the train.</summary>
    private ActiveTrain EndTrain(int bursts)
    {
        var train = _train!;
        _train = null;
        _settings.Policy.OnGranted(train.Request, bursts);
        Account(train.Channel, train.Schedule.BurstBytes, train.Schedule.BurstNanoseconds, bursts);
        CountGrantsForQuantum(train.Channel, bursts);
        return train;
    }

    /// <summary>
    /// Registers what the owner would have asked for by now under per-burst arbitration; false if
    /// nothing. Kept requests offer no train: the owner offers one again with its next request.
    /// </summary>
    private bool KeepNextRequest(ActiveTrain train, int bursts)
    {
        if (bursts < train.Schedule.Bursts)
        {
            SetRequest(train.Channel, train.Schedule.BurstBytes);
            return true;
        }
        if (train.AfterTrainBytes <= 0) return false;
        SetRequest(train.Channel, train.AfterTrainBytes);
        return true;
    }

    private void OnStopTrain(StopBusTrain stop)
    {
        if (_train is { } train && train.Channel == stop.Channel)
        {
            CutTrain(Math.Clamp(stop.Bursts, 1, train.Schedule.Bursts), byChannel: true);
            return;
        }
        // The arbiter cut the train first (the two messages crossed) and kept a request for the
        // channel, which has stopped since: withdraw it.
        SetRequest(stop.Channel, 0);
    }

    /// <summary>A train in progress: whose, its schedule, and the request its owner makes after it.</summary>
    private sealed record ActiveTrain(BusRequestView Request, BurstTrain Schedule, int AfterTrainBytes)
    {
        public int Channel => Request.Channel;
    }
}
