using DmaActors.Actors.Channels;
using DmaActors.Api.Provider;

namespace DmaActors.Api;

// One hardware-visible channel of a registered device (kernel: struct dma_chan as the provider
// owns it). Clients hold DmaChan handles on it; a slot has at most one client (C-6). Its counters
// change under the engine's lock; the reusable set under the slot's own. The simulated channel's
// actors are made the first time the slot is requested (the kernel allocates a channel's
// resources then), through the controller; after that the slot talks to them only through the
// channel's VirtualChannelPort.
internal sealed class DmaChanSlot(DmaDevice device, int chanId, string name)
{
    private readonly Lock _gate = new();
    private readonly HashSet<long> _reusable = [];
    private int _terminateGeneration;
    private VirtualChannelPort? _port;

    public DmaDevice Device { get; } = device;

    public int ChanId { get; } = chanId;

    /// <summary>sysfs name, <c>dma&lt;dev&gt;chan&lt;n&gt;</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The simulated channel's client side: cookies, submits, issues, terminates, status without a round trip.</summary>
    public VirtualChannelPort Port => Volatile.Read(ref _port) ?? throw new InvalidOperationException($"{Name} was never requested: its channel has no actors yet.");

    /// <summary>client_count (0 or 1: every allocation here is private and exclusive).</summary>
    public int ClientCount { get; set; }

    /// <summary>Bumped by every terminate: façade descriptors prepared before it are dead (H-7).</summary>
    public int TerminateGeneration => Volatile.Read(ref _terminateGeneration);

    /// <summary>
    /// <c>device_alloc_chan_resources</c>: makes the channel's actors on its first request, and on
    /// a dedicated controller binds a hardware thread (V-20); a blocking ask, so never under the
    /// engine's lock.
    /// </summary>
    /// <exception cref="Actors.Controller.ChannelAllocationException">No hardware thread is free (ENOMEM).</exception>
    public void Open() => Volatile.Write(ref _port, Device.Controller.Open(ChanId));

    /// <summary><c>device_free_chan_resources</c>: a dedicated controller's hardware thread is freed (the port stays, for handles still held).</summary>
    public void Close() => Device.Controller.Close(ChanId);

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
