using Akka.Actor;
using Akka.Event;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Tests.Channels;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Faults;

/// <summary>
/// Supervision of the channel actors: a crashed physical channel reports its descriptor as
/// DMA_TRANS_ABORTED and is restarted, ready for the next one; a crashed virtual channel is
/// restarted with its lists and cookies (they live in its state object), so nothing queued is lost.
/// </summary>
public sealed class CrashHandlingTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_crashed_physical_channel_aborts_its_active_descriptor_and_the_next_descriptor_still_runs()
    {
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures.Ref, typeof(Error));
        var rig = new DmaRig(Sys);
        var crashed = rig.Memcpy(0, 0, 65536);
        var next = rig.Memcpy(0, 1, 8192);
        rig.Issue(0);
        Advance(Duration.FromMicroseconds(30));
        int physical = rig.State(0).PhysicalChannel;
        Assert.InRange(physical, 0, 7);

        // A second StartDescriptor while it runs one is a protocol violation it throws on.
        var bogus = new DescriptorRun(999, 999, TransferSpec.Memcpy(DmaRig.Source(50), DmaRig.Destination(50), 64, 64));
        rig.Controller.Topology.PhysicalChannels[physical].Tell(new StartDescriptor(bogus));

        // The controller restarts it (Akka logs a restart as an error; a resume would be a warning).
        var failure = failures.ExpectMsg<Error>(Duration.FromSeconds(3), e => e.Cause is InvalidOperationException);
        Assert.EndsWith($"/ch{physical}", failure.LogSource, StringComparison.Ordinal);
        rig.RunUntilCallbacks(2);

        int landed = rig.BytesLanded(DmaRig.Destination(0), crashed.Pattern);
        Assert.InRange(landed, 1, 65535);
        var records = rig.Log.Records;
        Assert.Equal((crashed.Cookie, new DmaengineResult(DmaengineTxResult.Aborted, 65536 - landed)), (records[0].Cookie, records[0].Outcome));
        Assert.Equal((next.Cookie, new DmaengineResult(DmaengineTxResult.NoError, 0)), (records[1].Cookie, records[1].Outcome));
        Assert.Equal(next.Pattern, rig.Read(DmaRig.Destination(1), 8192));
        Assert.Equal(0, rig.BytesLanded(DmaRig.Destination(50), DmaRig.Pattern(64, 50)));
        Assert.Equal(DmaStatus.Error, rig.TxStatus(0, crashed.Cookie).Status);
    }

    [Fact]
    public void A_crashed_dedicated_physical_channel_keeps_serving_its_virtual_channel_after_restart()
    {
        var rig = new DmaRig(Sys, memory => new ControllerConfig { Memory = memory, PhysicalChannels = 2, VirtualChannels = 2, Multiplexing = ChannelMultiplexing.Dedicated });
        var crashed = rig.Memcpy(0, 0, 65536);
        var next = rig.Memcpy(0, 1, 4096);
        var neighbour = rig.Memcpy(1, 2, 65536);
        rig.Issue(0);
        RunUntilIdle();
        rig.Issue(1);
        Advance(Duration.FromMicroseconds(30));

        var bogus = new DescriptorRun(999, 999, TransferSpec.Memcpy(DmaRig.Source(50), DmaRig.Destination(50), 64, 64));
        rig.Controller.Topology.PhysicalChannels[0].Tell(new StartDescriptor(bogus));
        rig.RunUntilCallbacks(3);

        var mine = rig.Log.For(rig.Name(0));
        Assert.Equal([DmaengineTxResult.Aborted, DmaengineTxResult.NoError], mine.Select(r => r.Outcome.Result));
        Assert.Equal(next.Pattern, rig.Read(DmaRig.Destination(1), 4096));
        // The other channel never noticed.
        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), Assert.Single(rig.Log.For(rig.Name(1))).Outcome);
        Assert.Equal(neighbour.Pattern, rig.Read(DmaRig.Destination(2), 65536));
        Assert.True(rig.BytesLanded(DmaRig.Destination(0), crashed.Pattern) < 65536);
    }

    [Fact]
    public void A_restarted_virtual_channel_keeps_its_queued_descriptors_and_cookies()
    {
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures.Ref, typeof(Error));
        var rig = new DmaRig(Sys);
        var running = rig.Memcpy(0, 0, 16384);
        var issued = rig.Memcpy(0, 1, 4096);
        rig.Issue(0);
        var submitted = rig.Memcpy(0, 2, 4096);
        Advance(Duration.FromMicroseconds(10));
        var before = rig.State(0);

        rig.Chan(0).Tell(Kill.Instance);
        var failure = failures.ExpectMsg<Error>(Duration.FromSeconds(3), e => e.Cause is ActorKilledException);

        Assert.EndsWith("/dma0chan0", failure.LogSource, StringComparison.Ordinal);
        var after = rig.State(0);
        Assert.Equal(before, after);
        Assert.Equal((1, 1, running.DescriptorId), (after.Issued, after.Submitted, after.ActiveDescriptor));

        rig.Issue(0);
        var late = rig.Memcpy(0, 3, 1024);
        Assert.Equal(submitted.Cookie + 1, late.Cookie);
        rig.Issue(0);
        rig.RunUntilCallbacks(4);

        Assert.Equal([running.Cookie, issued.Cookie, submitted.Cookie, late.Cookie], rig.Log.CookiesOf(rig.Name(0)));
        Assert.All(rig.Log.Records, r => Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), r.Outcome));
        foreach (var d in new[] { running, issued, submitted, late }) Assert.Equal(d.Pattern, rig.Read(DmaRig.Destination(d.Slot), d.Pattern.Length));
    }
}
