using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Tests.Channels;
using DmaActors.Actors.Tracing;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Arbitration;

/// <summary>
/// Burst coalescing: with nobody else on the bus, a memory-to-memory channel's bursts go as one
/// train, and nothing a driver can observe changes: completion times and results, tx_status
/// residue (P-14) at any instant, the bytes in memory at any instant, pause/resume/terminate at
/// burst boundaries (C-51, C-54), and the arbiter's per-burst counters (H-2, one burst granted
/// at a time by the policy).
/// </summary>
public sealed class BurstCoalescingTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Total = 65536;

    /// <summary>Every policy; coalescing on includes fast-forward under contention where the policy proves it (fixed priority, PL080, EDMA3 two queues; issue 15).</summary>
    public static TheoryData<string> Policies => ["round-robin", "fixed-priority", "weighted-round-robin", "pl330", "pl080", "edma3", "edma3-two-queues"];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Coalesced_and_per_burst_arbitration_are_indistinguishable_to_a_driver_over_40_seeds_P14_C51_C54(string policy) => Compare(policy, ChannelMultiplexing.Pooled);

    [Fact]
    public void Coalescing_is_indistinguishable_under_time_sliced_multiplexing_too_P14() => Compare("round-robin", ChannelMultiplexing.TimeSliced);

    private static void Compare(string policy, ChannelMultiplexing multiplexing)
    {
        for (ulong seed = 1; seed <= 40; seed++)
        {
            var scenario = new CoalescingScenario(seed, policy, multiplexing);
            var perBurst = scenario.Run(coalesce: false);
            var coalesced = scenario.Run(coalesce: true);
            int first = Enumerable.Range(0, Math.Min(perBurst.Count, coalesced.Count)).FirstOrDefault(i => perBurst[i] != coalesced[i], -1);
            if (first < 0 && perBurst.Count == coalesced.Count) continue;
            Assert.Fail($"{policy}, {multiplexing}, seed {seed}: coalescing changed what a driver sees at line {first}.\nper burst: {Line(perBurst, first)}\ncoalesced: {Line(coalesced, first)}\nbefore: {Line(perBurst, first - 1)}");
        }
    }

    [Fact]
    public void An_uncontended_memcpy_runs_as_one_train_whose_data_lands_burst_by_burst_in_virtual_time_P14()
    {
        var rig = new DmaRig(Sys);
        var descriptor = rig.Memcpy(0, 0, Total);
        rig.Issue(0);
        Advance(Duration.FromMicroseconds(40) + Duration.FromNanoseconds(3));

        // One train parked on the memory; reading the memory performs exactly the bursts due by now.
        Assert.Equal(1, rig.Memory.DeferredWrites.Count);
        var status = rig.TxStatus(0, descriptor.Cookie);
        int landed = rig.BytesLanded(DmaRig.Destination(0), descriptor.Pattern);
        Assert.Equal(Total - landed, status.Residue);
        // 32-bit bus at 100 MHz: a 64-byte burst is 16 cycles = 160 ns; 40,003 ns is inside burst 251.
        Assert.Equal(251 * 64, landed);
        var stats = rig.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        Assert.Equal(251, stats.GrantsPerChannel.Sum());

        rig.RunUntilCallbacks(1);
        Assert.Equal(0, rig.Memory.DeferredWrites.Count);
        Assert.Equal(Total / 64 * 160, rig.Log.Records[0].TimeNanoseconds);
        Assert.Equal(descriptor.Pattern, rig.Read(DmaRig.Destination(0), Total));
    }

    [Fact]
    public void With_coalescing_off_every_burst_is_granted_on_its_own()
    {
        var rig = new DmaRig(Sys, memory => new ControllerConfig { Memory = memory, CoalesceBursts = false });
        rig.Memcpy(0, 0, Total);
        rig.Issue(0);
        Advance(Duration.FromMicroseconds(40));

        Assert.Equal(0, rig.Memory.DeferredWrites.Count);
        rig.RunUntilCallbacks(1);
    }

    [Fact]
    public void A_traced_system_grants_every_burst_on_its_own_so_the_trace_shows_each_one()
    {
        var tracer = new HardwareTracer(World.Clock);
        World.Tracer = tracer;
        var rig = new DmaRig(Sys);
        rig.Memcpy(0, 0, 4096);
        rig.Issue(0);
        rig.RunUntilCallbacks(1);

        Assert.Equal(4096 / 64, tracer.Records.Count(r => r.Event is BusGranted { Bursts: 1 }));
        Assert.DoesNotContain(tracer.Records, r => r.Event is BusGranted { Bursts: > 1 });
    }

    [Fact]
    public void A_second_channel_asking_for_the_bus_cuts_the_train_at_the_next_burst_boundary_and_round_robin_alternates()
    {
        var rig = new DmaRig(Sys);
        rig.Memcpy(0, 0, Total);
        rig.Issue(0);
        Advance(Duration.FromNanoseconds(1_000)); // inside burst 6 (960..1,120 ns)
        rig.Memcpy(1, 1, 640);
        rig.Issue(1);
        Advance(Duration.FromNanoseconds(120));   // 1,120: the boundary; channel 1 gets the next burst

        var stats = rig.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        Assert.Equal(0, rig.Memory.DeferredWrites.Count);
        Assert.Equal([7L, 1L], stats.GrantsPerChannel.Take(2));
        rig.RunUntilCallbacks(2);
        // Channel 1's 10 bursts alternate with channel 0's: it finishes after 20 more bursts.
        Assert.Equal(1_120 + (20 * 160) - 160, rig.Log.For(rig.Name(1))[0].TimeNanoseconds);
    }

    private static string Line(IReadOnlyList<string> lines, int index) => index >= 0 && index < lines.Count ? lines[index] : "(none)";
}
