using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Tests.Channels;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;

namespace DmaActors.Actors.Tests.Arbitration;

/// <summary>
/// A random program of memcpys and memsets on a small pooled controller (2 physical channels, 3
/// virtual ones, so virtual channels wait and quanta preempt), with pauses, resumes and
/// terminates at odd instants (inside bursts and exactly on their boundaries), drawn from a seed.
/// <see cref="Run"/> plays it on a fresh deterministic system and writes down everything a
/// driver could observe: each command's reply, and after every step each descriptor's tx_status,
/// the bytes landed in its destination, the arbiter's counters, and the virtual time; at the end
/// every callback with its time and result.
/// </summary>
internal sealed class CoalescingScenario(ulong seed, string policy, ChannelMultiplexing multiplexing = ChannelMultiplexing.Pooled)
{
    private const int Channels = 3;

    public ulong Seed => seed;

    public IReadOnlyList<string> Run(bool coalesce)
    {
        var random = new Random((int)seed);
        int quantum = random.Next(2) * 6;
        var granularity = random.Next(2) == 0 ? DmaResidueGranularity.Burst : DmaResidueGranularity.Segment;
        using var scope = new SimulationScope($"coalescing{seed}", new SimulationSettings { Dispatcher = DispatcherKind.Deterministic, Clock = ClockKind.Virtual, Seed = seed });
        var system = scope.System;
        {
            var rig = new DmaRig(system, memory => new ControllerConfig
            {
                Memory = memory,
                PhysicalChannels = 2,
                VirtualChannels = Channels,
                Policy = PolicyNamed(policy),
                QuantumBursts = quantum,
                ResidueGranularity = granularity,
                CoalesceBursts = coalesce,
                Multiplexing = multiplexing,
            });
            var transcript = new List<string> { $"seed {seed} {policy} quantum {quantum} {granularity}" };
            var descriptors = new List<Submitted>();
            for (int step = 0; step < 14; step++)
            {
                transcript.Add(Act(rig, random, descriptors));
                // Up to 30 µs, at any nanosecond, sometimes exactly a whole number of bus cycles.
                long ns = random.Next(1, 30_000);
                if (random.Next(3) == 0) ns -= ns % 10;
                system.Advance(Duration.FromNanoseconds(ns));
                transcript.Add(Observe(rig, descriptors));
            }
            for (int channel = 0; channel < Channels; channel++)
            {
                // Settle each resume before the next, so requests of one instant do not race each
                // other (their order is the schedule's choice, which differs between the two runs).
                rig.Ask<object>(channel, ResumeChannel.Instance);
                system.RunUntilIdle();
            }
            system.Advance(Duration.FromMilliseconds(3));
            transcript.Add(Observe(rig, descriptors));
            transcript.AddRange(rig.Log.Records.Select(r => $"callback {r.Channel} cookie {r.Cookie} {r.Outcome} at {r.TimeNanoseconds}"));
            return transcript;
        }
    }

    private static string Act(DmaRig rig, Random random, List<Submitted> descriptors)
    {
        int channel = random.Next(Channels);
        switch (random.Next(8))
        {
            case < 4:
                int slot = descriptors.Count;
                int length = new[] { 64, 1000, 4096, 20_000, 65_536 }[random.Next(5)];
                int burst = new[] { 16, 64, 256 }[random.Next(3)];
                var submitted = random.Next(4) == 0
                    ? rig.Submit(channel, TransferSpec.Memset(DmaRig.Destination(slot), (byte)(slot + 1), length, burst)) with { Slot = slot, Pattern = Enumerable.Repeat((byte)(slot + 1), length).ToArray() }
                    : rig.Memcpy(channel, slot, length, burst);
                descriptors.Add(submitted);
                return $"submit ch{channel} cookie {submitted.Cookie} {length}B/{burst}, issued {rig.Issue(channel)}";
            case 4 or 5:
                return $"pause ch{channel}: {rig.Ask<object>(channel, PauseChannel.Instance)}";
            case 6:
                return $"resume ch{channel}: {rig.Ask<object>(channel, ResumeChannel.Instance)}";
            default:
                return $"terminate ch{channel}: {rig.Ask<object>(channel, TerminateChannel.Instance)}";
        }
    }

    private static string Observe(DmaRig rig, List<Submitted> descriptors)
    {
        var stats = rig.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        var parts = descriptors.Select(d =>
        {
            var status = rig.TxStatus(d.Channel, d.Cookie);
            return $"{d.Cookie}@ch{d.Channel}:{status.Status}/{status.Residue}/landed {rig.BytesLanded(DmaRig.Destination(d.Slot), d.Pattern)}";
        });
        return $"t={rig.World.Clock.NowNanoseconds} bytes [{string.Join(",", stats.BytesPerChannel)}] grants [{string.Join(",", stats.GrantsPerChannel)}] busy {stats.BusyNanoseconds} | {string.Join(" ", parts)}";
    }

    private static Func<ArbitrationPolicy> PolicyNamed(string name) => name switch
    {
        "round-robin" => ArbitrationPolicy.RoundRobin,
        "fixed-priority" => () => ArbitrationPolicy.FixedPriority(),
        "weighted-round-robin" => () => ArbitrationPolicy.WeightedRoundRobin([1, 3]),
        "pl330" => ArbitrationPolicy.Pl330,
        "pl080" => ArbitrationPolicy.Pl080,
        "edma3" => () => ArbitrationPolicy.Edma3([0, 0], [0]),
        // Each physical channel on its own queue, channel 1's first: its trains fast-forward past channel 0.
        "edma3-two-queues" => () => ArbitrationPolicy.Edma3([0, 1], [1, 0]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown policy"),
    };
}
