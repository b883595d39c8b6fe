using BenchmarkDotNet.Attributes;
using DmaActors.Boards.Workloads;

namespace DmaActors.Benchmarks;

/// <summary>
/// The arbitration study of <c>dmactors bench arbitration</c> as a benchmark: one invocation is one
/// row of it, end to end, through the same call the CLI makes
/// (<see cref="ArbitrationStudy.Run"/> with one policy and one load): a deterministic system
/// (seed 1), the PL080-class board of <see cref="ArbitrationStudy.BoardDts"/>, the mixed load of
/// <see cref="ArbitrationStudy.WorkloadFor"/> (UART, MMC, audio, the rest bulk memcpy channels) run
/// for <see cref="VirtualMilliseconds"/> of virtual time, and the shutdown. Results are per run
/// (per row): at 10,000 virtual channels the wall time hardly depends on the virtual time (about
/// 3 s for 0.5 ms and for 2 ms on the 2-vCPU machine), it is opening, starting, terminating and
/// releasing the ~10,000 channels, so a cost per simulated µs would mislead. The simulated MB/s,
/// Jain and bus-busy figures of each case appear as columns (<see cref="ArbitrationFigures"/>).
/// </summary>
/// <remarks>
/// Sizes, chosen so the 27 cases finish in a few minutes on 2 cores: 0.5 ms of virtual time per
/// run (a tenth of the CLI's 5 ms; the cost is dominated by the channel count anyway), 1 warm-up
/// and 3 measured iterations (these attributes override the command line's counts). A
/// 10,000-channel case takes ~3 s per invocation, so BenchmarkDotNet invokes it once per
/// iteration; the 9 such cases take about 3 of the ~5 minutes the class takes on the 2-vCPU
/// machine (plus ~30 s of build). The smallest load is 4 virtual channels, not 1: the study's
/// load is a UART, an MMC and audio plus at least one memcpy channel
/// (<see cref="ArbitrationStudy.WorkloadFor"/> refuses fewer). In 0.5 ms the UART (16-byte
/// descriptors, 1.4 ms of wire time each) completes nothing, and on a single physical channel
/// it holds that channel all run long, so those cases simulate 0 MB/s: the pooled-multiplexing
/// starvation the study reports, not a fault of the benchmark.
/// </remarks>
[WarmupCount(1)]
[IterationCount(3)]
public class ArbitrationBenchmarks
{
    /// <summary>Virtual time each run simulates, after the study's 20 µs of FIFO priming.</summary>
    public const double VirtualMilliseconds = 0.5;

    private bool _recorded;

    /// <summary>The policies the CLI compares by default: round-robin, fixed-priority, weighted-round-robin.</summary>
    public static IEnumerable<string> Policies => ArbitrationStudy.DefaultPolicies;

    /// <summary>The arbitration policy (first column of the table).</summary>
    [ParamsSource(nameof(Policies), Priority = -1)]
    public string Policy { get; set; } = "";

    /// <summary>Virtual channels in use: UART, MMC and audio, the rest bulk memcpy channels.</summary>
    [Params(4, 100, 10_000)]
    public int VirtualChannels { get; set; }

    /// <summary>Physical channels they share.</summary>
    [Params(1, 8, 32)]
    public int PhysicalChannels { get; set; }

    /// <summary>One row of the study; its simulated figures are recorded on the first invocation.</summary>
    [Benchmark(Description = "one row of bench arbitration, 0.5 ms virtual")]
    public ArbitrationPoint Run()
    {
        var point = ArbitrationStudy.Run([Policy], [VirtualChannels], PhysicalChannels, VirtualMilliseconds).Single();
        if (!_recorded)
        {
            ArbitrationFigures.Record(point);
            _recorded = true;
        }
        return point;
    }
}
