using Akka.Actor;
using DmaActors.Actors.Channels;

namespace DmaActors.Actors.Arbitration;

// Handing physical channels to virtual channels. Pooled and time-sliced: free channels go to the
// waiting virtual channels in the order they issued (the shared PendingChannels FIFO, virt-dma's
// chan_pending); a channel released with more work (time-sliced, or preempted after its quantum)
// rejoins the back of the queue. Dedicated: a channel is bound to a hardware thread when a client
// allocates it and keeps it until freed (pl330, V-20).
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

    private void Enqueue(IActorRef virtualChannel)
    {
        if (_settings.Multiplexing == ChannelMultiplexing.Dedicated)
        {
            AssignDedicated(virtualChannel);
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

    /// <summary>A dedicated controller's channel gets its bound hardware thread, if it was allocated one.</summary>
    private void AssignDedicated(IActorRef virtualChannel)
    {
        if (!_dedicated.TryGetValue(virtualChannel, out int channel))
        {
            virtualChannel.Tell(new PhysicalChannelUnavailable($"This channel holds no hardware thread: on a dedicated controller a channel is bound to one when a client allocates it (V-20), and it was freed or never allocated."));
            return;
        }
        virtualChannel.Tell(new PhysicalChannelAssigned(channel, _channels[channel]));
    }

    /// <summary>pl330_alloc_chan_resources: a free hardware thread, the channel's own number first (V-20).</summary>
    private void OnBindThread(BindHardwareThread bind)
    {
        if (!_dedicated.ContainsKey(bind.VirtualChannel))
        {
            if (_free.Count == 0)
            {
                Sender.Tell(new Controller.OpenVirtualChannelRefusedReply("ENOMEM",
                    $"{bind.Port.Name}: device_alloc_chan_resources() failed: all {_channels.Length} hardware threads are bound to other channels (pl330_request_channel found none free). Release a channel first."));
                return;
            }
            int channel = _free.Contains(bind.Index) ? bind.Index : _free.Min;
            _free.Remove(channel);
            _dedicated[bind.VirtualChannel] = channel;
            _owners[channel] = bind.VirtualChannel;
        }
        Sender.Tell(new Controller.OpenVirtualChannelReply(bind.Port));
    }

    /// <summary>pl330_free_chan_resources: the thread goes back to the free set.</summary>
    private void OnUnbindThread(UnbindHardwareThread unbind)
    {
        if (!_dedicated.Remove(unbind.VirtualChannel, out int channel)) return;
        _owners[channel] = null;
        _free.Add(channel);
    }

    private void OnRelease(ReleasePhysicalChannel release)
    {
        if (_settings.Multiplexing == ChannelMultiplexing.Dedicated)
        {
            if (release.WantsMore) AssignDedicated(release.VirtualChannel);
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
