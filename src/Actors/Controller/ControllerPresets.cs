using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Bus;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Memory;
using DmaActors.Api;

namespace DmaActors.Actors.Controller;

/// <summary>
/// Controllers of real parts as configuration (../shared/design/peers-and-profiles.md section 3),
/// selected by device-tree <c>compatible</c>. Where the model deviates from the silicon, the
/// preset's remark says so.
/// </summary>
public static class ControllerPresets
{
    /// <summary>The compatibles a preset exists for.</summary>
    public static IReadOnlyList<string> Compatibles { get; } = ["ti,edma3-tpcc", "arm,pl330", "arm,pl080", "arm,pl081", "dmactors,memcpy-engine"];

    /// <summary>The preset for <paramref name="compatible"/>, or null when none matches.</summary>
    public static ControllerConfig? ForCompatible(string compatible, PhysicalMemory memory, int id = 0) => compatible switch
    {
        "ti,edma3-tpcc" => Edma3Am335x(memory, id),
        "arm,pl330" => Pl330(memory, id),
        "arm,pl080" => Pl080(memory, id, channels: 8),
        "arm,pl081" => Pl080(memory, id, channels: 2),
        "dmactors,memcpy-engine" => MemcpyEngine(memory, id),
        _ => null,
    };

    /// <summary>
    /// TI EDMA3 on AM335x (SPRUH73 ch. 11): 64 DMA channels, each its own context (PaRAM set) bound
    /// to its event (request line), serviced by 3 transfer controllers through event queues; queue
    /// priorities from <c>ti,tptcs = &lt;&amp;tptc0 7&gt;, &lt;&amp;tptc1 5&gt;, &lt;&amp;tptc2 0&gt;</c>
    /// (0 highest); a client picks its channel's queue with the DT specifier's second cell
    /// (<c>#dma-cells = &lt;2&gt;</c>); 64 request lines.
    /// </summary>
    /// <remarks>
    /// Deviation: the three TCs share one modelled bus (64-bit, 200 MHz, the L3 interconnect),
    /// where on the silicon each TC is its own master; queue priority, then FIFO order within a
    /// queue, decides every burst.
    /// </remarks>
    public static ControllerConfig Edma3Am335x(PhysicalMemory memory, int id = 0) => new()
    {
        Id = id,
        Memory = memory,
        Bus = new BusTiming(8, 200_000_000),
        PhysicalChannels = 64,
        VirtualChannels = 64,
        RequestLines = 64,
        Policy = () => ArbitrationPolicy.Edma3(queueOfChannel: new int[64], queuePriority: [7, 5, 0]),
        Multiplexing = ChannelMultiplexing.Dedicated,
        ResidueGranularity = DmaResidueGranularity.Burst,
    };

    /// <summary>
    /// ARM PL330 / CoreLink DMA-330 (DDI 0424), as on Zynq-7000: 32 peripheral request lines and,
    /// as pl330_probe registers max(peripherals, threads) channels, 32 virtual channels served by
    /// 8 channel threads bound to their clients at allocation (a request fails with ENOMEM when
    /// threads run out, V-20); 64-bit AXI at 222 MHz, round-robin over runnable threads with the
    /// manager thread taking a slot between grants, burst residue.
    /// </summary>
    public static ControllerConfig Pl330(PhysicalMemory memory, int id = 0) => new()
    {
        Id = id,
        Memory = memory,
        Bus = new BusTiming(8, 222_000_000),
        PhysicalChannels = 8,
        VirtualChannels = 32,
        RequestLines = 32,
        Policy = ArbitrationPolicy.Pl330,
        Multiplexing = ChannelMultiplexing.Dedicated,
        ResidueGranularity = DmaResidueGranularity.Burst,
    };

    /// <summary>
    /// ARM PL080 (8 channels) or PL081 (2) (DDI 0196): 16 request lines, 32-bit AHB at 133 MHz,
    /// fixed priority with channel 0 highest re-arbitrated at burst boundaries; amba-pl08x
    /// multiplexes its virtual channels over the physical ones and reports residue per segment (LLI).
    /// </summary>
    public static ControllerConfig Pl080(PhysicalMemory memory, int id = 0, int channels = 8) => new()
    {
        Id = id,
        Memory = memory,
        Bus = new BusTiming(4, 133_000_000),
        PhysicalChannels = channels,
        VirtualChannels = 16,
        RequestLines = 16,
        Policy = ArbitrationPolicy.Pl080,
        Multiplexing = ChannelMultiplexing.Pooled,
        ResidueGranularity = DmaResidueGranularity.Segment,
    };

    /// <summary>A plain memory-to-memory engine: 4 channels, no request lines, 64-bit at 500 MHz, round-robin.</summary>
    public static ControllerConfig MemcpyEngine(PhysicalMemory memory, int id = 0) => new()
    {
        Id = id,
        Memory = memory,
        Bus = new BusTiming(8, 500_000_000),
        PhysicalChannels = 4,
        VirtualChannels = 4,
        RequestLines = 0,
        Policy = ArbitrationPolicy.RoundRobin,
        ResidueGranularity = DmaResidueGranularity.Descriptor,
    };
}
