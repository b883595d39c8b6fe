using Akka.Actor;
using DmaActors.Actors.Channels;

namespace DmaActors.Actors.Arbitration;

// Handing physical channels to virtual channels. Pooled: free channels go to waiting virtual
// channels first-come first-served (virt-dma's chan_pending FIFO); a channel released with more
// work rejoins the back of the queue, which time-multiplexes the physical channels at descriptor
// boundaries. Dedicated: virtual channel i keeps physical channel i.
public sealed partial class ControllerArbiterActor
{
    private readonly SortedSet<int> _free = [];
    private readonly LinkedList<IActorRef> _waiting = new();
    private IActorRef?[] _owners = [];
    private int[] _burstsSinceAssigned = [];
    private bool[] _preempting = [];
    private readonly Dictionary<IActorRef, int> _dedicated = [];

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
        if (_waiting.Contains(virtualChannel) || Array.IndexOf(_owners, virtualChannel) >= 0) return;
        // It will wait: a running train ends at the next boundary, so quanta count per burst again.
        if (_free.Count == 0 && _train is { } train) CutTrain(train.Schedule.StartedBy(_clock), byChannel: false);
        _waiting.AddLast(virtualChannel);
        AssignFree();
    }

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
        if (release.WantsMore) _waiting.AddLast(release.VirtualChannel);
        AssignFree();
    }

    private void AssignFree()
    {
        while (_free.Count > 0 && _waiting.First is { } head)
        {
            _waiting.RemoveFirst();
            int channel = _free.Min;
            _free.Remove(channel);
            _owners[channel] = head.Value;
            _burstsSinceAssigned[channel] = 0;
            head.Value.Tell(new PhysicalChannelAssigned(channel, _channels[channel]));
        }
    }

    /// <summary>Counts <paramref name="bursts"/> bursts against the owner's quantum; past it, with someone waiting, asks for the channel back.</summary>
    private void CountGrantsForQuantum(int channel, int bursts)
    {
        if (_settings.QuantumBursts <= 0 || _settings.Multiplexing != ChannelMultiplexing.Pooled) return;
        _burstsSinceAssigned[channel] += bursts;
        if (_burstsSinceAssigned[channel] < _settings.QuantumBursts || _waiting.Count == 0 || _preempting[channel]) return;
        _preempting[channel] = true;
        _channels[channel].Tell(PreemptTransfer.Instance);
    }
}
