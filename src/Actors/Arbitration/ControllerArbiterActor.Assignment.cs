using Akka.Actor;
using DmaActors.Actors.Channels;

namespace DmaActors.Actors.Arbitration;

// Handing physical channels to virtual channels. Pooled and time-sliced: free channels go to the
// waiting virtual channels in the order they issued (the shared PendingChannels FIFO, virt-dma's
// chan_pending); a channel released with more work (time-sliced, or preempted after its quantum)
// rejoins the back of the queue. Dedicated: virtual channel i keeps physical channel i.
public sealed partial class ControllerArbiterActor
{
    private readonly SortedSet<int> _free = [];
    private IActorRef?[] _owners = [];
    private int[] _burstsSinceAssigned = [];
    private bool[] _preempting = [];
    private readonly Dictionary<IActorRef, int> _dedicated = [];

    /// <summary>While a train is cut for channels that just queued: its bursts count against the quantum, but do not preempt yet.</summary>
    private bool _preemptionDeferred;

    private void InitialiseAssignment(int channels)
    {
        _owners = new IActorRef?[channels];
        _burstsSinceAssigned = new int[channels];
        _preempting = new bool[channels];
        for (int i = 0; i < channels; i++) _free.Add(i);
    }

    private void Enqueue(IActorRef virtualChannel, int index)
    {
        if (_settings.Multiplexing == ChannelMultiplexing.Dedicated)
        {
            AssignDedicated(virtualChannel, index);
            return;
        }
        if (IsOwner(virtualChannel) || !_waitingChannels.Append(virtualChannel, tellArbiter: false)) return;
        OnChannelsPending();
    }

    /// <summary>Channels joined the queue (through their ports, or <see cref="Enqueue"/>): hand out what is free.</summary>
    private void OnChannelsPending()
    {
        // Someone will wait: a running train ends at the next boundary, so quanta count per burst
        // again. The bursts of the train count as granted before the newcomers queued, as they were
        // under per-burst arbitration: no preemption for them until the next grant.
        if (_free.Count == 0 && _train is { } train && _waitingChannels.Any(_isNotOwner))
        {
            _preemptionDeferred = true;
            CutTrain(train.Schedule.StartedBy(_clock), byChannel: false);
            _preemptionDeferred = false;
        }
        AssignFree();
    }

    private bool IsOwner(IActorRef virtualChannel) => Array.IndexOf(_owners, virtualChannel) >= 0;

    /// <summary>Binds virtual channel <paramref name="index"/> to physical channel <paramref name="index"/> (pl330-style), once.</summary>
    private void AssignDedicated(IActorRef virtualChannel, int index)
    {
        if (!_dedicated.TryGetValue(virtualChannel, out int channel))
        {
            if (index >= 0 && _free.Contains(index))
            {
                channel = index;
            }
            else if (_free.Count == 0 || index >= 0)
            {
                virtualChannel.Tell(new PhysicalChannelUnavailable(index >= 0
                    ? $"Physical channel {index} does not exist or is bound to another virtual channel; a dedicated controller binds virtual channel i to physical channel i."
                    : $"All {_channels.Length} physical channels are bound; a dedicated controller cannot serve another virtual channel."));
                return;
            }
            else
            {
                channel = _free.Min;
            }
            _free.Remove(channel);
            _dedicated[virtualChannel] = channel;
            _owners[channel] = virtualChannel;
        }
        virtualChannel.Tell(new PhysicalChannelAssigned(channel, _channels[channel]));
    }

    private void OnRelease(ReleasePhysicalChannel release)
    {
        if (_settings.Multiplexing == ChannelMultiplexing.Dedicated)
        {
            if (release.WantsMore) AssignDedicated(release.VirtualChannel, -1);
            return;
        }
        if (!Equals(_owners[release.Channel], release.VirtualChannel)) return;
        _owners[release.Channel] = null;
        _preempting[release.Channel] = false;
        _free.Add(release.Channel);
        if (release.WantsMore) _waitingChannels.Append(release.VirtualChannel, tellArbiter: false);
        AssignFree();
    }

    private void AssignFree()
    {
        while (_free.Count > 0 && _waitingChannels.TakeFirst(_isNotOwner) is { } next)
        {
            int channel = _free.Min;
            _free.Remove(channel);
            _owners[channel] = next;
            _burstsSinceAssigned[channel] = 0;
            next.Tell(new PhysicalChannelAssigned(channel, _channels[channel]));
        }
    }

    /// <summary>Counts <paramref name="bursts"/> bursts against the owner's quantum; past it, with someone waiting, asks for the channel back.</summary>
    private void CountGrantsForQuantum(int channel, int bursts)
    {
        if (_settings.QuantumBursts <= 0 || _settings.Multiplexing == ChannelMultiplexing.Dedicated) return;
        _burstsSinceAssigned[channel] += bursts;
        if (_burstsSinceAssigned[channel] < _settings.QuantumBursts || _preempting[channel] || _preemptionDeferred || !_waitingChannels.Any(_isNotOwner)) return;
        _preempting[channel] = true;
        _channels[channel].Tell(PreemptTransfer.Instance);
    }
}
