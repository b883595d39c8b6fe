using Akka.Actor;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Faults;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Tests.Channels;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Faults;

/// <summary>
/// Injected bus errors: the burst that hits one moves nothing, the descriptor ends with
/// DMA_TRANS_READ_FAILED or DMA_TRANS_WRITE_FAILED and the residue of what did not move, tx_status
/// says DMA_ERROR, and the channel goes on with its next descriptor.
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_read_fault_fails_the_descriptor_with_ReadFailed_and_the_channel_continues_with_the_next()
    {
        var faults = new FaultPlan().FailReads(DmaRig.Source(0) + 1024 + 10, 1);
        var rig = new DmaRig(Sys, memory => new ControllerConfig { Memory = memory, Faults = faults });
        var faulted = rig.Memcpy(0, 0, 4096);
        var next = rig.Memcpy(0, 1, 4096);
        rig.Issue(0);

        rig.RunUntilCallbacks(2);

        var (first, second) = (rig.Log.Records[0], rig.Log.Records[1]);
        Assert.Equal((faulted.Cookie, new DmaengineResult(DmaengineTxResult.ReadFailed, 4096 - 1024)), (first.Cookie, first.Outcome));
        // Bursts before the faulty one landed; the faulty burst and everything after did not.
        Assert.Equal(1024, rig.BytesLanded(DmaRig.Destination(0), faulted.Pattern));
        Assert.Equal((next.Cookie, new DmaengineResult(DmaengineTxResult.NoError, 0)), (second.Cookie, second.Outcome));
        Assert.Equal(next.Pattern, rig.Read(DmaRig.Destination(1), 4096));
        Assert.Equal(DmaStatus.Error, rig.TxStatus(0, faulted.Cookie).Status);
        Assert.Equal(DmaStatus.Complete, rig.TxStatus(0, next.Cookie).Status);
        Assert.Equal(1, faults.FaultsInjected);
    }

    [Fact]
    public void A_write_fault_fails_the_descriptor_with_WriteFailed_and_the_channel_continues_with_the_next()
    {
        var faults = new FaultPlan().FailWrites(DmaRig.Destination(0) + 2048, 64);
        var rig = new DmaRig(Sys, memory => new ControllerConfig { Memory = memory, Faults = faults });
        var faulted = rig.Memcpy(0, 0, 4096);
        var next = rig.Memcpy(0, 1, 4096);
        rig.Issue(0);

        rig.RunUntilCallbacks(2);

        Assert.Equal(new DmaengineResult(DmaengineTxResult.WriteFailed, 2048), rig.Log.Records[0].Outcome);
        Assert.Equal(2048, rig.BytesLanded(DmaRig.Destination(0), faulted.Pattern));
        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), rig.Log.Records[1].Outcome);
        Assert.Equal(next.Pattern, rig.Read(DmaRig.Destination(1), 4096));
        Assert.Equal(DmaStatus.Error, rig.TxStatus(0, faulted.Cookie).Status);
    }

    [Fact]
    public void A_read_fault_range_does_not_fail_writes_to_it_and_a_write_range_does_not_fail_reads()
    {
        // Copy out of a write-faulty range and into a read-faulty range: both fine.
        var faults = new FaultPlan().FailWrites(DmaRig.Source(0), 4096).FailReads(DmaRig.Destination(0), 4096);
        var rig = new DmaRig(Sys, memory => new ControllerConfig { Memory = memory, Faults = faults });
        var descriptor = rig.Memcpy(0, 0, 4096);
        rig.Issue(0);

        rig.RunUntilCallbacks(1);

        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), rig.Log.Records[0].Outcome);
        Assert.Equal(descriptor.Pattern, rig.Read(DmaRig.Destination(0), 4096));
        Assert.Equal(0, faults.FaultsInjected);
    }

    [Fact]
    public void A_transfer_to_an_address_outside_RAM_fails_with_WriteFailed_without_a_fault_plan()
    {
        var rig = new DmaRig(Sys);
        rig.Fill(DmaRig.Source(0), 1024, 0);
        ulong beyondRam = DmaRig.RamBase + (16UL << 20) - 512; // the last 512 bytes of RAM, then nothing
        rig.Submit(0, TransferSpec.Memcpy(DmaRig.Source(0), beyondRam, 1024, 64));
        var next = rig.Memcpy(0, 1, 256);
        rig.Issue(0);

        rig.RunUntilCallbacks(2);

        Assert.Equal(new DmaengineResult(DmaengineTxResult.WriteFailed, 512), rig.Log.Records[0].Outcome);
        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), rig.Log.Records[1].Outcome);
        Assert.Equal(next.Pattern, rig.Read(DmaRig.Destination(1), 256));
    }

    [Fact]
    public void Random_faults_end_each_descriptor_exactly_once_in_cookie_order_and_replay_from_the_seed()
    {
        var first = RandomFaultRun(Sys, seed: 42);
        using var againScope = new SimulationScope("again", SimulationSettings.Deterministic(99));
        var again = againScope.System;
        var second = RandomFaultRun(again, seed: 42);

        Assert.Equal(first, second);
        Assert.Contains("ReadFailed", first, StringComparison.Ordinal);
        Assert.Contains("WriteFailed", first, StringComparison.Ordinal);
        Assert.Contains("NoError", first, StringComparison.Ordinal);
    }

    /// <summary>20 descriptors of 1 KiB on one channel with 5 % of reads and writes failing; returns the outcomes.</summary>
    private static string RandomFaultRun(ActorSystem system, int seed)
    {
        var faults = new FaultPlan(seed).FailReadsRandomly(0.02).FailWritesRandomly(0.02);
        var rig = new DmaRig(system, memory => new ControllerConfig { Memory = memory, Faults = faults });
        var descriptors = Enumerable.Range(0, 20).Select(slot => rig.Memcpy(0, slot, 1024)).ToArray();
        rig.Issue(0);

        rig.RunUntilCallbacks(20);
        system.Advance(Duration.FromMilliseconds(1));

        var records = rig.Log.Records;
        Assert.Equal(descriptors.Select(d => d.Cookie), records.Select(r => r.Cookie));
        int failed = 0;
        foreach (var (d, r) in descriptors.Zip(records))
        {
            int landed = rig.BytesLanded(DmaRig.Destination(d.Slot), d.Pattern);
            Assert.Equal(1024 - r.Outcome.Residue, landed);
            Assert.Equal(r.Outcome.Result == DmaengineTxResult.NoError, r.Outcome.Residue == 0);
            if (r.Outcome.Result != DmaengineTxResult.NoError) failed++;
        }
        // One fault ends a descriptor: faults injected = descriptors failed.
        Assert.Equal(failed, faults.FaultsInjected);
        return string.Join(" ", records.Select(r => $"{r.Cookie}:{r.Outcome.Result}/{r.Outcome.Residue}"));
    }

    [Fact]
    public void A_fault_plan_checks_ranges_by_overlap_and_direction()
    {
        var plan = new FaultPlan().FailReads(0x1000, 0x100).FailWrites(0x2000, 1);

        Assert.Equal(BusStatus.ReadError, plan.Check(0x10FF, 1, write: false));
        Assert.Equal(BusStatus.ReadError, plan.Check(0x0F00, 0x101, write: false));
        Assert.Equal(BusStatus.Ok, plan.Check(0x0F00, 0x100, write: false));
        Assert.Equal(BusStatus.Ok, plan.Check(0x1100, 0x10, write: false));
        Assert.Equal(BusStatus.Ok, plan.Check(0x1000, 0x100, write: true));
        Assert.Equal(BusStatus.WriteError, plan.Check(0x1F00, 0x101, write: true));
        Assert.Equal(3, plan.FaultsInjected);
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.FailReadsRandomly(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.FailWrites(0, 0));
    }
}
