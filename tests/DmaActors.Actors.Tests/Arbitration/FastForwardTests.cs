using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Tests.Channels;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Arbitration;

/// <summary>
/// Fast-forward under contention (issue 15): where the policy proves the winner of a burst would
/// win every later one while the other requests stay as they are (fixed priority, PL080, EDMA3
/// with the winner alone in its queue), its bursts go as one train though other channels wait for
/// the bus; every figure a driver sees is what per-burst arbitration gives (the transcript
/// comparison over every policy and 40 seeds is in <see cref="BurstCoalescingTests"/>). Policies
/// not proven (round-robin, weighted, PL330, EDMA3 within one queue) keep granting burst by burst.
/// </summary>
public sealed class FastForwardTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Total = 65536;

    public static TheoryData<string, bool> PolicyAndTrain => new()
    {
        { "fixed-priority", true },
        { "pl080", true },
        { "edma3-two-queues", true },
        { "edma3-one-queue", false },
        { "round-robin", false },
        { "pl330", false },
        { "weighted-round-robin", false },
    };

    [Theory]
    [MemberData(nameof(PolicyAndTrain))]
    public void Two_saturating_memcpys_fast_forward_only_where_the_policy_proves_the_winner_keeps_the_bus_H2(string policy, bool train)
    {
        var (rig, _) = Contend(policy, fastForward: true);
        Assert.Equal(train ? 1 : 0, rig.Memory.DeferredWrites.Count);
        rig.RunUntilCallbacks(2);
    }

    [Theory]
    [InlineData("fixed-priority")]
    [InlineData("edma3-two-queues")]
    public void Switched_off_per_controller_every_contended_burst_is_granted_on_its_own_and_the_times_are_the_same(string policy)
    {
        var (off, offStarted) = Contend(policy, fastForward: false);
        Assert.Equal(0, off.Memory.DeferredWrites.Count);
        var offStats = off.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        off.RunUntilCallbacks(2);
        var offTimes = off.Log.Records.Select(r => r.TimeNanoseconds - offStarted).ToList();

        var (on, onStarted) = Contend(policy, fastForward: true, name: "on");
        var onStats = on.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        on.RunUntilCallbacks(2);
        Assert.Equal(offStats.GrantsPerChannel, onStats.GrantsPerChannel);
        Assert.Equal(offStats.BusyNanoseconds, onStats.BusyNanoseconds);
        Assert.Equal(offTimes, on.Log.Records.Select(r => r.TimeNanoseconds - onStarted).ToList());
    }

    /// <summary>
    /// Channel 0 starts a 64 KiB memcpy, then (its request settled, at the same instant) channel 1
    /// does; returns the rig 20 µs in (mid-transfer) and the virtual time they started.
    /// </summary>
    private (DmaRig Rig, long Started) Contend(string policy, bool fastForward, string name = "off")
    {
        long started = World.Clock.NowNanoseconds;
        var rig = new DmaRig(Sys, memory => new ControllerConfig
        {
            Id = name == "on" ? 1 : 0,
            Memory = memory,
            PhysicalChannels = 2,
            VirtualChannels = 2,
            FastForward = fastForward,
            Policy = policy switch
            {
                "fixed-priority" => () => ArbitrationPolicy.FixedPriority(),
                "pl080" => ArbitrationPolicy.Pl080,
                "edma3-two-queues" => () => ArbitrationPolicy.Edma3([0, 1], [1, 0]),
                "edma3-one-queue" => () => ArbitrationPolicy.Edma3([0, 0], [0]),
                "round-robin" => ArbitrationPolicy.RoundRobin,
                "pl330" => ArbitrationPolicy.Pl330,
                _ => () => ArbitrationPolicy.WeightedRoundRobin([1, 3]),
            },
        });
        rig.Memcpy(0, 0, Total);
        rig.Memcpy(1, 1, Total);
        rig.Issue(0);
        // Settled before the second issue, so which request the arbiter sees first is not the schedule's choice.
        World.RunUntilIdle();
        rig.Issue(1);
        Advance(Duration.FromMicroseconds(20));
        return (rig, started);
    }
}
