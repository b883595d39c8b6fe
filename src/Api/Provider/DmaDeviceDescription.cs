using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Bus;
using DmaActors.Actors.Memory;

namespace DmaActors.Api.Provider;

/// <summary>
/// A DMA controller as a driver describes it before registering it: what it can do, which
/// driver callbacks it implements, its slave limits, and the simulated hardware behind it.
/// </summary>
/// <remarks>Kernel: <c>struct dma_device</c> (P-1), given to <c>dma_async_device_register()</c>.</remarks>
public sealed record DmaDeviceDescription
{
    /// <summary>Kernel: <c>dev</c>: the controller's device name; null is refused with EIO (P-5).</summary>
    public string? Dev { get; init; }

    /// <summary>Kernel: <c>cap_mask</c>.</summary>
    public DmaCapMask CapMask { get; init; }

    /// <summary>Kernel: the non-NULL <c>device_*</c> callbacks.</summary>
    public DmaDeviceOps Ops { get; init; } = DmaDeviceOps.AllSimulated;

    /// <summary>Kernel: <c>directions</c> (slave directions only, C-15).</summary>
    public DmaDirections Directions { get; init; }

    /// <summary>Kernel: <c>src_addr_widths</c> (<c>BIT(bytes)</c>, see <see cref="DmaBuswidths.Mask"/>).</summary>
    public UInt128 SrcAddrWidths { get; init; }

    /// <summary>Kernel: <c>dst_addr_widths</c>.</summary>
    public UInt128 DstAddrWidths { get; init; }

    /// <summary>Kernel: <c>min_burst</c> (words; 0: no minimum).</summary>
    public int MinBurst { get; init; }

    /// <summary>Kernel: <c>max_burst</c> (words; 0: no limit).</summary>
    public int MaxBurst { get; init; }

    /// <summary>Kernel: <c>max_sg_burst</c> (0: unlimited).</summary>
    public int MaxSgBurst { get; init; }

    /// <summary>Kernel: <c>residue_granularity</c>.</summary>
    public DmaResidueGranularity ResidueGranularity { get; init; } = DmaResidueGranularity.Burst;

    /// <summary>Kernel: <c>descriptor_reuse</c>.</summary>
    public bool DescriptorReuse { get; init; }

    /// <summary>Kernel: the length of the <c>channels</c> list (virtual channels a client can request).</summary>
    public int ChannelCount { get; init; } = 4;

    /// <summary>
    /// The channels that serve <c>DMA_MEMCPY</c> requests, or null for every channel. TI EDMA
    /// reserves the ones its <c>ti,edma-memcpy-channels</c> lists for memcpy; the others are
    /// bound to their events.
    /// </summary>
    /// <remarks>
    /// Kernel: edma.c registers those channels as a second, memcpy-only <c>dma_device</c>; here they
    /// stay in the one device (same numbers, <c>dma0chan20</c>), and only memcpy requests are
    /// restricted to them.
    /// </remarks>
    public IReadOnlyList<int>? MemcpyChannels { get; init; }

    /// <summary>
    /// Bus masters the controller can put each side of a transfer on: 2 for a PL080 (AHB1, AHB2),
    /// 1 for a PL081 (everything on AHB1), 0 when masters are not modelled (one bus, each byte
    /// crosses it once).
    /// </summary>
    /// <remarks>Kernel: <c>vendor_data.dualmaster</c> in amba-pl08x.c.</remarks>
    public int AhbMasters { get; init; }

    /// <summary>The AHB masters memory is reachable through (a mask: 1 = AHB1, 2 = AHB2).</summary>
    /// <remarks>Kernel: <c>pl08x_platform_data.mem_buses</c>, from <c>mem-bus-interface-ahb1/2</c> (none stated: both).</remarks>
    public int MemBuses { get; init; } = 3;

    /// <summary>Hardware channels the virtual ones are multiplexed onto (V-17).</summary>
    public int PhysicalChannels { get; init; } = 4;

    /// <summary>DRQ lines devices can be wired to.</summary>
    public int RequestLines { get; init; } = 32;

    /// <summary>Makes the bus arbitration policy (one per controller). Default: round-robin.</summary>
    public Func<ArbitrationPolicy> Policy { get; init; } = ArbitrationPolicy.RoundRobin;

    /// <summary>The controller's bus. Default: 32-bit at 100 MHz.</summary>
    public BusTiming Bus { get; init; } = new(4, 100_000_000);

    /// <summary>How the simulated controller shares physical channels among its channels (virt-dma pool, or bound 1:1 as pl330 and EDMA).</summary>
    public ChannelMultiplexing Multiplexing { get; init; } = ChannelMultiplexing.Pooled;

    /// <summary>
    /// How the controller's DMA master sees memory (bus addresses to physical): an IOMMU view from
    /// <c>DmaActors.Mapping.Device.BusView</c>, or null for none. Kernel: the controller's
    /// <c>struct device</c> behind an IOMMU (C-21: slave buffers are mapped with it).
    /// </summary>
    public IDmaMemory? BusView { get; init; }

    /// <summary>
    /// Whether the simulated arbiter may grant an uncontended memory-to-memory channel's bursts as
    /// one train (same simulated timing, less host work; see <c>ControllerConfig.CoalesceBursts</c>).
    /// Default: on. Board files turn it off with <c>dmactors,no-burst-coalescing;</c>.
    /// </summary>
    public bool CoalesceBursts { get; init; } = true;

    /// <summary>Burst size in bytes of memory-to-memory transfers (memcpy, memset, interleaved).</summary>
    public int MemcpyBurstBytes { get; init; } = 64;

    /// <summary>Kernel: <c>filter.map</c>: consumers served by <c>dma_request_chan()</c> without a device tree (C-3).</summary>
    public IReadOnlyList<DmaSlaveMap> FilterMap { get; init; } = [];

    /// <summary>Kernel: <c>filter.fn</c>: decides for a map entry's <c>param</c>; null accepts any free channel.</summary>
    public DmaFilterFn? FilterFn { get; init; }

    /// <summary>Whether the ops include every op of <paramref name="op"/>.</summary>
    internal bool Has(DmaDeviceOps op) => (Ops & op) == op;
}
