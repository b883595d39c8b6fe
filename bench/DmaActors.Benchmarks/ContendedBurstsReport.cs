using DmaActors.Api;
using System.Diagnostics;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using static DmaActors.Benchmarks.ReportConsole;

namespace DmaActors.Benchmarks;

/// <summary>
/// <c>contended-bursts [KiB per channel]</c>: contended bursts simulated per second of wall time.
/// For each arbitration policy, two and eight memory-to-memory channels of one controller (64-bit
/// bus at 500 MHz, 64-byte bursts) each copy the same number of bytes at once, so every burst
/// boundary has several requesters (every burst granted on its own); on the deterministic
/// dispatcher with the virtual clock. The baseline, in the same process, is
/// <see cref="Buffer.MemoryCopy"/> of the same bytes, 64 at a time (issue 15's physical floor).
/// </summary>
internal static class ContendedBurstsReport
{
    public const string Command = "contended-bursts";

    private const int BurstBytes = 64;
    private const ulong Ram = 0x8000_0000;
    private static readonly TimeSpan MinimumWall = TimeSpan.FromMilliseconds(400);

    public static int Run(string[] args)
    {
        int kib = Count(args, 256);
        Header(Command, $"{kib} KiB per channel, {BurstBytes} B bursts, 64-bit bus at 500 MHz, deterministic dispatcher");
        double copy = MemoryCopyBurstsPerSecond(kib * 1024 * 8);
        Print($"baseline Buffer.MemoryCopy, 64 B at a time: {copy / 1e6,10:F1} M bursts/s");
        Print($"{"policy",-22} {"channels",8} {"M bursts/s",11} {"/copy",8}");
        foreach (var (name, policy) in Policies())
        {
            foreach (int channels in (int[])[2, 8])
            {
                double rate = Measure(policy, channels, kib);
                Print($"{name,-22} {channels,8} {rate / 1e6,11:F2} {rate / copy,8:F4}");
            }
        }
        return 0;
    }

    /// <summary>Each policy the arbiter knows, by its report name, made for a controller of up to eight channels.</summary>
    private static IEnumerable<(string Name, Func<ArbitrationPolicy> Policy)> Policies() =>
    [
        ("round-robin", ArbitrationPolicy.RoundRobin),
        ("fixed-priority", () => ArbitrationPolicy.FixedPriority()),
        ("weighted-round-robin", () => ArbitrationPolicy.WeightedRoundRobin([1, 2, 3, 4, 1, 2, 3, 4])),
        ("pl330", ArbitrationPolicy.Pl330),
        ("pl080", ArbitrationPolicy.Pl080),
        ("edma3", () => ArbitrationPolicy.Edma3([0, 1, 2, 0, 1, 2, 0, 1], [7, 5, 0])),
    ];

    /// <summary>Bursts per wall second: rounds of <paramref name="channels"/> concurrent memcpys until <see cref="MinimumWall"/> has passed (after one warm-up round).</summary>
    private static double Measure(Func<ArbitrationPolicy> policy, int channels, int kib)
    {
        var settings = BenchSystem.Settings(DispatcherKind.Deterministic);
        var system = Simulation.Create(Command, settings);
        try
        {
            var world = system.Simulation();
            int bytes = kib * 1024;
            var memory = PhysicalMemory.Create(Ram, (ulong)bytes * (ulong)channels * 2);
            var controller = DmaController.Start(system, new ControllerConfig
            {
                Memory = memory,
                Bus = new(8, 500_000_000),
                PhysicalChannels = channels,
                VirtualChannels = channels,
                Policy = policy,
            });
            var ports = Enumerable.Range(0, channels).Select(controller.Open).ToArray();
            int completed = 0;
            var options = new DescriptorOptions(DmaCtrlFlags.PrepInterrupt, _ => completed++);
            long roundBursts = (long)channels * bytes / BurstBytes;
            void Round()
            {
                int before = completed;
                for (int c = 0; c < channels; c++)
                {
                    ulong source = Ram + (ulong)(c * bytes);
                    ports[c].Submit(TransferSpec.Memcpy(source, source + ((ulong)bytes * (ulong)channels), bytes, BurstBytes), options);
                }
                foreach (var port in ports) port.IssuePending();
                world.RunUntil(() => completed == before + channels, Duration.Infinite);
                if (completed != before + channels) throw new InvalidOperationException($"{before + channels - completed} memcpys did not complete.");
            }
            Round();
            long rounds = 0;
            var wall = Stopwatch.StartNew();
            while (wall.Elapsed < MinimumWall || rounds < 2)
            {
                Round();
                rounds++;
            }
            return rounds * roundBursts / wall.Elapsed.TotalSeconds;
        }
        finally
        {
            system.Terminate().Wait(Systems.Limit);
        }
    }

    private static unsafe double MemoryCopyBurstsPerSecond(int bytes)
    {
        var from = new byte[bytes];
        var to = new byte[bytes];
        long bursts = 0;
        var wall = Stopwatch.StartNew();
        fixed (byte* f = from)
        fixed (byte* t = to)
        {
            while (wall.Elapsed < MinimumWall)
            {
                for (int offset = 0; offset < bytes; offset += BurstBytes) Buffer.MemoryCopy(f + offset, t + offset, BurstBytes, BurstBytes);
                bursts += bytes / BurstBytes;
            }
        }
        return bursts / wall.Elapsed.TotalSeconds;
    }
}
