using DmaActors.Actors.Channels;
using DmaActors.Api.Provider;
using DmaActors.Runtime;

namespace DmaActors.Api;

// One hardware-visible channel of a registered device (kernel: struct dma_chan as the provider
// owns it). Clients hold DmaChan handles on it; a slot has at most one client (C-6). Its counters
// change under the engine's lock; TerminateGeneration and the reusable set under the slot's own.
internal sealed class DmaChanSlot(DmaDevice device, int chanId, string name, VirtualChannelSubmitter submitter)
{
    private readonly Lock _gate = new();
    private readonly HashSet<long> _reusable = [];
    private int _terminateGeneration;

    public DmaDevice Device { get; } = device;

    public int ChanId { get; } = chanId;

    /// <summary>sysfs name, <c>dma&lt;dev&gt;chan&lt;n&gt;</c>; also the name the completion actor reports.</summary>
    public string Name { get; } = name;

    public IActorRef Actor => Submitter.Channel;

    /// <summary>Hands out cookies and queues descriptors without a round trip (vchan_tx_submit).</summary>
    public VirtualChannelSubmitter Submitter { get; } = submitter;

    /// <summary>client_count (0 or 1: every allocation here is private and exclusive).</summary>
    public int ClientCount { get; set; }

    /// <summary>Bumped by every terminate: façade descriptors prepared before it are dead (H-7).</summary>
    public int TerminateGeneration => Volatile.Read(ref _terminateGeneration);

    public void Terminated() => Interlocked.Increment(ref _terminateGeneration);

    public void TrackReusable(long descriptorId)
    {
        lock (_gate) _reusable.Add(descriptorId);
    }

    public void ForgetReusable(long descriptorId)
    {
        lock (_gate) _reusable.Remove(descriptorId);
    }

    public long[] TakeReusables()
    {
        lock (_gate)
        {
            var all = _reusable.ToArray();
            _reusable.Clear();
            return all;
        }
    }
}
