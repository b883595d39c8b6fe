using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Api.Provider;
using DmaActors.Runtime;

namespace DmaActors.Api;

/// <summary>
/// A client's handle on one DMA channel, from <see cref="DmaEngine.RequestChannel"/> or
/// <see cref="DmaEngine.RequestChan"/> until <see cref="DmaEngine.ReleaseChannel"/>. Every call is
/// synchronous and goes through the channel's <see cref="VirtualChannelPort"/>: submit and
/// issue_pending, which the kernel never makes wait, are queued without a reply; from process
/// context the rest ask the simulated channel and block for its answer (driving the world on the
/// deterministic dispatcher), then return a value or throw <see cref="DmaException"/>.
/// </summary>
/// <remarks>
/// Kernel: <c>struct dma_chan</c> as a client sees it. From inside the simulated world (a
/// completion callback runs on the channel's completion actor) nothing may block: prep, submit,
/// issue_pending, tx_status, pause, resume and terminate_async post to the channel and return at
/// once (tx_status reads what the channel last published); what the kernel forbids in a callback
/// of the same channel (C-37) throws instead of deadlocking.
/// </remarks>
public sealed partial class DmaChan
{
    private readonly DmaChanSlot _slot;
    private volatile bool _active;
    private DmaSlaveConfig? _config;

    internal DmaChan(DmaChanSlot slot) => _slot = slot;

    /// <summary>Kernel: <c>dma_chan_name(chan)</c>: <c>dma&lt;dev&gt;chan&lt;n&gt;</c> (P-8).</summary>
    public string Name => _slot.Name;

    /// <summary>Kernel: <c>chan-&gt;chan_id</c>.</summary>
    public int ChanId => _slot.ChanId;

    /// <summary>Kernel: <c>chan-&gt;device</c>.</summary>
    public DmaDevice Device => _slot.Device;

    /// <summary>Kernel: <c>chan-&gt;name</c>: <c>"dma:&lt;name&gt;"</c> when obtained by name (C-5), else null.</summary>
    public string? ConsumerName { get; internal set; }

    /// <summary>Kernel: <c>dev_name(chan-&gt;slave)</c>: the consumer device when obtained by name (C-5), else null.</summary>
    public string? SlaveDevice { get; internal set; }

    /// <summary>The DRQ line the lookup assigned (a slave map's <c>param</c>, or the device tree's cell); <see cref="DmaSlaveConfig.SlaveId"/> overrides it.</summary>
    public int? RequestLine { get; internal set; }

    /// <summary>
    /// The AHB master(s) the peripheral sits on, from a PL08x specifier's second cell (a mask:
    /// 1 = AHB1, 2 = AHB2); null for other controllers.
    /// </summary>
    /// <remarks>Kernel: <c>pl08x_channel_data.periph_buses</c>, set by <c>pl08x_of_xlate()</c>.</remarks>
    public int? PeriphBuses { get; internal set; }

    /// <summary>Whether the handle is allocated to its client (between request and release).</summary>
    public bool IsActive => _active;

    /// <summary>The last configuration accepted by <see cref="SlaveConfig"/>.</summary>
    public DmaSlaveConfig? Config => Volatile.Read(ref _config);

    internal DmaChanSlot Slot => _slot;

    /// <summary>The simulated channel's client side.</summary>
    internal VirtualChannelPort Port => _slot.Port;

    /// <summary>Whether the caller runs inside the simulated world (a callback): then nothing may wait.</summary>
    internal static bool InsideTheWorld => SimulatedWorld.IsInsideTheWorld;

    /// <summary>What releasing the channel must also do: free its route through a DMA router, if it took one (kernel: <c>chan-&gt;router-&gt;route_free</c>), and tell the lookup that gave it.</summary>
    private Action? _releaseAction;

    /// <summary>Remembers what to do when the channel is released.</summary>
    internal void SetReleaseAction(Action release) => _releaseAction = release;

    /// <summary>Takes (and forgets) the release action.</summary>
    internal Action? TakeReleaseAction() => Interlocked.Exchange(ref _releaseAction, null);

    /// <summary>
    /// Services this channel's events on event queue <paramref name="queue"/>, as EDMA's second
    /// specifier cell does (the controller binds channel n to hardware context n).
    /// </summary>
    internal void SetEventQueue(int queue) => Device.Arbiter.Tell(new AssignEventQueue(ChanId, queue));

    internal void Activate() => _active = true;

    internal void Deactivate() => _active = false;

    /// <summary>Describes the channel's slave abilities (C-14, C-15).</summary>
    /// <returns>The capabilities.</returns>
    /// <exception cref="DmaException">ENXIO: the device has neither DMA_SLAVE nor DMA_CYCLIC, or no directions.</exception>
    /// <remarks>Kernel: <c>dma_get_slave_caps()</c>.</remarks>
    public DmaSlaveCaps GetSlaveCaps()
    {
        var d = Device.Description;
        if ((d.CapMask & (DmaCapMask.Slave | DmaCapMask.Cyclic)) == 0)
            throw new DmaException("ENXIO", "C-14", $"{Name}: dma_get_slave_caps() needs a device with DMA_SLAVE or DMA_CYCLIC; {Device.Dev} has {d.CapMask}. Use a slave-capable controller.");
        if (d.Directions == DmaDirections.None)
            throw new DmaException("ENXIO", "C-14", $"{Name}: dma_get_slave_caps(): {Device.Dev} declares no directions. The provider must set dma_device.directions.");
        return new DmaSlaveCaps
        {
            SrcAddrWidths = d.SrcAddrWidths,
            DstAddrWidths = d.DstAddrWidths,
            Directions = d.Directions,
            MinBurst = d.MinBurst,
            MaxBurst = d.MaxBurst,
            MaxSgBurst = d.MaxSgBurst,
            CmdPause = d.Has(DmaDeviceOps.Pause),
            CmdResume = d.Has(DmaDeviceOps.Resume),
            CmdTerminate = d.Has(DmaDeviceOps.TerminateAll),
            ResidueGranularity = d.ResidueGranularity,
            DescriptorReuse = d.DescriptorReuse,
        };
    }

    /// <summary>Sets the slave parameters for descriptors prepared from now on (C-16..C-18), validated as a driver would.</summary>
    /// <param name="config">The configuration.</param>
    /// <exception cref="DmaException">ENOSYS: no <c>device_config</c>; EINVAL: a field the device cannot do (the message names it).</exception>
    /// <remarks>Kernel: <c>dmaengine_slave_config()</c>.</remarks>
    public void SlaveConfig(DmaSlaveConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        EnsureActive("dmaengine_slave_config()");
        var d = Device.Description;
        if (!d.Has(DmaDeviceOps.Config))
            throw new DmaException("ENOSYS", "C-16", $"{Name}: {Device.Dev} has no device_config, so dmaengine_slave_config() cannot work. Use a controller that implements it.");
        if (config.Direction is { } dir && (dir is not (DmaTransferDirection.MemToDev or DmaTransferDirection.DevToMem or DmaTransferDirection.DevToDev) || (d.Directions & DirectionBit(dir)) == 0))
            Invalid("direction", $"{dir} is not among the device's directions ({d.Directions})");
        CheckWidth("src_addr_width", config.SrcAddrWidth, d.SrcAddrWidths);
        CheckWidth("dst_addr_width", config.DstAddrWidth, d.DstAddrWidths);
        CheckBurst("src_maxburst", config.SrcMaxburst, d);
        CheckBurst("dst_maxburst", config.DstMaxburst, d);
        if (config.SrcPortWindowSize < 0) Invalid("src_port_window_size", "is negative");
        if (config.DstPortWindowSize < 0) Invalid("dst_port_window_size", "is negative");
        if (config.SlaveId is { } line && (line < 0 || line >= d.RequestLines))
            Invalid("slave_id", $"{line} is not a request line of {Device.Dev} (0..{d.RequestLines - 1})");
        Volatile.Write(ref _config, config);
    }

    /// <summary>Kernel: <c>BIT(dir)</c>.</summary>
    internal static DmaDirections DirectionBit(DmaTransferDirection direction) => (DmaDirections)(1 << (int)direction);

    private void CheckWidth(string field, DmaSlaveBuswidth width, UInt128 mask)
    {
        if (width != DmaSlaveBuswidth.Undefined && !DmaBuswidths.Contains(mask, width))
            Invalid(field, $"{(int)width} bytes is not in the device's width mask (0x{mask:x}, bit n = n bytes)");
    }

    private void CheckBurst(string field, int burst, DmaDeviceDescription d)
    {
        if (burst < 0) Invalid(field, "is negative");
        if (d.MaxBurst > 0 && burst > d.MaxBurst) Invalid(field, $"{burst} words exceeds max_burst {d.MaxBurst} (bursts count words of the address width, not bytes)");
        if (burst > 0 && burst < d.MinBurst) Invalid(field, $"{burst} words is below min_burst {d.MinBurst}");
    }

    private void Invalid(string field, string why) =>
        throw new DmaException("EINVAL", "C-16", $"{Name}: dma_slave_config.{field}: {why}. Check dma_get_slave_caps() and fix the field.");

    /// <summary>Throws unless the handle is allocated and its device registered (C-13, P-9).</summary>
    internal void EnsureActive(string call)
    {
        if (!_active)
            throw new DmaException("ENODEV", "C-13", $"{call} on {Name}, which this client has released (or never obtained). Request a channel again with dma_request_chan()/dma_request_channel().");
        if (Device.Unregistered)
            throw new DmaException("ENODEV", "P-9", $"{call} on {Name}: its device {Device.Dev} was unregistered.");
    }

    /// <summary>Throws if the calling thread runs a completion callback of this channel (C-37, H-8).</summary>
    internal void EnsureNotInOwnCallback(string call)
    {
        if (Port.IsInCallbackOnThisThread)
            throw new DmaException("EDEADLK", "C-37", $"{call} from inside a callback of {Name} would wait for that very callback to finish. Use dmaengine_terminate_async() in the callback and synchronize from process context.");
    }

    /// <summary>Asks the channel (process context) and turns a rejection into the kernel's error.</summary>
    internal T Ask<T>(object message, string rule, string call)
    {
        var reply = Port.Ask(message);
        return reply switch
        {
            T answer => answer,
            CommandRejectedReply rejected => throw DmaException.FromRejection(rejected, rule, call),
            _ => throw new InvalidOperationException($"{call}: {Name} answered {reply.GetType().Name}, not {typeof(T).Name}."),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
