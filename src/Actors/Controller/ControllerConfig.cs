using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Bus;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Faults;
using DmaActors.Actors.Memory;
using DmaActors.Api;

namespace DmaActors.Actors.Controller;

/// <summary>
/// A DMA controller as configuration, not as a subclass per chip: channel counts, request lines,
/// bus, arbitration, multiplexing, residue granularity. Presets for real parts build on it.
/// </summary>
public sealed record ControllerConfig
{
    /// <summary>The controller's number: channels are named <c>dma{Id}chan{N}</c>, as in sysfs.</summary>
    public int Id { get; init; }

    /// <summary>Name of the controller's actor under <c>/user</c>; <c>dma{Id}</c> when null.</summary>
    public string? Name { get; init; }

    /// <summary>The memory the controller masters.</summary>
    public required PhysicalMemory Memory { get; init; }

    /// <summary>
    /// How the controller's DMA master sees memory: bus addresses to physical. Null: the identity
    /// (no IOMMU). The DMA-mapping layer puts an IOMMU view here for a controller behind one.
    /// </summary>
    public IDmaMemory? BusView { get; init; }

    /// <summary>The controller's bus. Default: 32-bit at 100 MHz.</summary>
    public BusTiming Bus { get; init; } = new(4, 100_000_000);

    /// <summary>Hardware channels.</summary>
    public int PhysicalChannels { get; init; } = 8;

    /// <summary>Channels clients can request (dma_chan), multiplexed onto the physical ones.</summary>
    public int VirtualChannels { get; init; } = 8;

    /// <summary>DRQ lines devices can be wired to.</summary>
    public int RequestLines { get; init; } = 32;

    /// <summary>Makes the arbitration policy (policies keep state, so each controller gets its own). Default: round-robin.</summary>
    public Func<ArbitrationPolicy> Policy { get; init; } = ArbitrationPolicy.RoundRobin;

    /// <summary>How virtual channels share physical ones.</summary>
    public ChannelMultiplexing Multiplexing { get; init; } = ChannelMultiplexing.Pooled;

    /// <summary>With pooled multiplexing, preempt after this many bursts when others wait (0: descriptor boundaries only).</summary>
    public int QuantumBursts { get; init; }

    /// <summary>
    /// Whether the arbiter may grant a memory-to-memory channel its back-to-back bursts as one
    /// train while nobody else wants the bus (virtual clock, no tracer, no faults). Simulated timing
    /// is the same either way; only the host cost changes. Default: on.
    /// </summary>
    public bool CoalesceBursts { get; init; } = true;

    /// <summary>
    /// With <see cref="CoalesceBursts"/>: whether a train may also run while other channels wait
    /// for the bus, when the arbitration policy proves its winner would win each of its bursts
    /// anyway (fixed priority, PL080, EDMA3 with the winner alone in its event queue). The train is
    /// cut at the next burst boundary as soon as any request changes. Simulated timing is the same
    /// either way. Default: on.
    /// </summary>
    public bool FastForward { get; init; } = true;

    /// <summary>How finely tx_status reports residue.</summary>
    public DmaResidueGranularity ResidueGranularity { get; init; } = DmaResidueGranularity.Burst;

    /// <summary>Bus errors to inject, if any.</summary>
    public FaultPlan? Faults { get; init; }

    /// <summary>
    /// Test only: DRQ routing as it was before schedule exploration found bytes landing twice
    /// (11 of 200 seeds): the arbiter forwards requests raised before an unacknowledged flush, and
    /// physical channels serve requests routed under any binding of their line. A test shows that
    /// exploration still finds the duplicates this lets through (RequestLineScheduleTests).
    /// </summary>
    internal bool WithoutStaleRequestChecks { get; init; }

    /// <summary>The actor name used.</summary>
    public string ActorName => Name ?? $"dma{Id}";

    /// <summary>Checks the numbers; throws naming what is wrong.</summary>
    public ControllerConfig Validated()
    {
        Bus.Validated();
        ArgumentOutOfRangeException.ThrowIfNegative(Id, nameof(Id));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PhysicalChannels, nameof(PhysicalChannels));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(VirtualChannels, nameof(VirtualChannels));
        ArgumentOutOfRangeException.ThrowIfNegative(RequestLines, nameof(RequestLines));
        ArgumentOutOfRangeException.ThrowIfNegative(QuantumBursts, nameof(QuantumBursts));
        return this;
    }
}
