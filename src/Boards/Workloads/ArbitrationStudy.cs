using System.Globalization;
using Akka.Actor;
using DmaActors.Api;
using DmaActors.Boards;
using DmaActors.DeviceTree;
using DmaActors.Runtime;

namespace DmaActors.Boards.Workloads;

/// <summary>
/// How arbitration behaves under load: one PL080-class controller (32-bit AHB, 133 MHz) with a UART
/// receiving, an MMC reading and I2S audio playing, plus bulk memcpy channels added until the
/// bus saturates; each policy at each load, on the deterministic dispatcher (seed 1), so every
/// figure is reproducible.
/// </summary>
public static class ArbitrationStudy
{
    /// <summary>The policies compared by default.</summary>
    public static IReadOnlyList<string> DefaultPolicies { get; } = ["round-robin", "fixed-priority", "weighted-round-robin"];

    /// <summary>The board: the controller with <paramref name="virtualChannels"/> channels on <paramref name="physicalChannels"/>, under <paramref name="policy"/>.</summary>
    public static string BoardDts(string policy, int virtualChannels, int physicalChannels) => string.Create(CultureInfo.InvariantCulture, $$"""
        /dts-v1/;
        / {
            #address-cells = <1>; #size-cells = <1>;
            memory@80000000 { device_type = "memory"; reg = <0x80000000 0x20000000>; };
            dma: dma-controller@10130000 {
                compatible = "arm,pl080", "arm,primecell";
                reg = <0x10130000 0x1000>;
                #dma-cells = <2>;
                dma-requests = <16>;
                dma-channels = <{{virtualChannels}}>;
                dmactors,physical-channels = <{{physicalChannels}}>;
                dmactors,arbitration = "{{policy}}";
            };
            serial@101f1000 { compatible = "arm,pl011"; reg = <0x101f1000 0x1000>; dmas = <&dma 0 1>; dma-names = "rx"; };
            mmc@10005000 { compatible = "arm,pl18x"; reg = <0x10005000 0x1000>; dmas = <&dma 1 1>; dma-names = "rx"; };
            i2s@10004000 { compatible = "i2s"; reg = <0x10004000 0x1000>; dmas = <&dma 2 1>; dma-names = "tx"; };
        };
        """);

    /// <summary>The mixed load: UART, MMC, audio, and <paramref name="virtualChannels"/> − 3 bulk memcpy channels.</summary>
    public static Workload WorkloadFor(int virtualChannels, double milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualChannels, 4);
        List<WorkloadStream> streams =
        [
            new() { Name = "uart", Consumer = "101f1000.serial", Channel = "rx", Bytes = 16 },
            new() { Name = "mmc", Consumer = "10005000.mmc", Channel = "rx", Bytes = 512 },
            new() { Name = "audio", Consumer = "10004000.i2s", Channel = "tx", Kind = StreamKind.Cyclic, Bytes = 4096, PeriodBytes = 512 },
        ];
        for (int i = 0; i < virtualChannels - 3; i++)
        {
            streams.Add(new WorkloadStream { Name = $"memcpy{i}", Controller = "10130000.dma-controller", Kind = StreamKind.Memcpy, Bytes = 2048, QueueDepth = 1 });
        }
        return new Workload { RunMilliseconds = milliseconds, Streams = streams };
    }

    /// <summary>Runs every policy at every load; <paramref name="progress"/> hears about each point as it finishes.</summary>
    public static IReadOnlyList<ArbitrationPoint> Run(IEnumerable<string> policies, IEnumerable<int> loads, int physicalChannels, double milliseconds, Action<ArbitrationPoint>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(loads);
        var points = new List<ArbitrationPoint>();
        foreach (var policy in policies)
        {
            foreach (int load in loads)
            {
                var point = RunPoint(policy, load, physicalChannels, milliseconds);
                points.Add(point);
                progress?.Invoke(point);
            }
        }
        return points;
    }

    /// <summary>
    /// One run of the study: <paramref name="policy"/> at <paramref name="load"/> virtual channels,
    /// in a simulated world of its own (seed 1), so a point is the same wherever it runs.
    /// </summary>
    /// <exception cref="DmaException">The controller refuses the setting (a policy it does not know).</exception>
    public static ArbitrationPoint RunPoint(string policy, int load, int physicalChannels, double milliseconds)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var system = Simulation.Create("arbitration", SimulationSettings.Deterministic(1));
        try
        {
            var board = BoardLoader.Load(system, DtsParser.Parse(BoardDts(policy, load, physicalChannels), $"study-{policy}-{load}.dts"));
            // The study's own controller must come up: a refused setting (a policy it does not
            // know) is the caller's error, not a deferral to run around.
            if (board.Providers.FirstOrDefault(p => p.State == BoardProviderState.Failed) is { } failed)
            {
                // Reason is the refusal's own message, "ERRNO (RULE): what": thrown again as it was.
                var refused = System.Text.RegularExpressions.Regex.Match(failed.Reason!, @"^(\w+) \(([^)]+)\): (.*)$", System.Text.RegularExpressions.RegexOptions.Singleline);
                throw refused.Success ? new DmaException(refused.Groups[1].Value, refused.Groups[2].Value, refused.Groups[3].Value) : new DmaException(failed.Reason!);
            }
            var report = new WorkloadRunner(board).Run(WorkloadFor(load, milliseconds));
            return new ArbitrationPoint(policy, load, physicalChannels, report);
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>One CSV row per point: policy, load, bandwidth, bus, fairness, UART p99, audio underruns.</summary>
    public static void WriteCsv(IEnumerable<ArbitrationPoint> points, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("policy,virtual_channels,physical_channels,total_mb_s,fraction_of_peak,bus_busy,jain_fairness,uart_p99_us,audio_underruns");
        foreach (var p in points)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Policy},{p.VirtualChannels},{p.PhysicalChannels},{p.TotalMegabytesPerSecond:F3},{p.FractionOfPeak:F4},{p.BusBusy:F4},{p.Fairness:F4},{p.UartP99Microseconds:F1},{p.AudioUnderruns}"));
        }
    }

    /// <summary>
    /// One CSV row per channel of every point: its bandwidth (MB/s and as a fraction of the bus's
    /// peak), completed transfers, p50/p99/max completion latency, underruns, overruns, errors and
    /// data mismatches.
    /// </summary>
    public static void WriteChannelCsv(IEnumerable<ArbitrationPoint> points, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("policy,virtual_channels,physical_channels,stream,channel,kind,mb_s,fraction_of_peak,transfers,latency_p50_us,latency_p99_us,latency_max_us,underruns,overruns,errors,mismatches");
        foreach (var p in points)
        {
            double peak = p.BusPeakBytesPerSecond;
            foreach (var s in p.Report.Streams)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Policy},{p.VirtualChannels},{p.PhysicalChannels},{s.Name},{s.Channel},{s.Kind},{s.BytesPerSecond / 1e6:F3},{(peak > 0 ? s.BytesPerSecond / peak : 0):F5},{s.Transfers},{s.LatencyP50Microseconds:F1},{s.LatencyP99Microseconds:F1},{s.LatencyMaxMicroseconds:F1},{s.Underruns},{s.Overruns},{s.Errors},{s.Mismatches}"));
            }
        }
    }
}
