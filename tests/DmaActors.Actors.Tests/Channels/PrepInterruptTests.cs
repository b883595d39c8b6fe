using DmaActors.Actors.Channels;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Channels;

/// <summary>
/// DMA_PREP_INTERRUPT (C-28): a descriptor prepared without it raises no completion interrupt. The
/// hardware still moves its data, but its cookie completes and its callback runs only when the driver
/// notices: at the next descriptor's completion interrupt, or when the client polls its status.
/// </summary>
public sealed class PrepInterruptTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static readonly Duration Long = Duration.FromMilliseconds(1);

    [Fact]
    public void Descriptor_without_interrupt_completes_at_the_next_descriptors_interrupt_C28()
    {
        var rig = new DmaRig(Sys);
        var silent = rig.Memcpy(0, 0, 4096, flags: DmaCtrlFlags.None);
        var loud = rig.Memcpy(0, 1, 65536);
        rig.Issue(0);

        // The silent one is done in memory long before the loud one finishes.
        RunUntil(() => rig.BytesLanded(DmaRig.Destination(0), silent.Pattern) == 4096, Long);
        Advance(Duration.FromMicroseconds(2));
        Assert.True(rig.BytesLanded(DmaRig.Destination(1), loud.Pattern) < 65536, "the second descriptor should still be running");
        Assert.Equal(0, rig.Log.Count);
        Assert.Equal(0, rig.State(0).Completed);

        rig.RunUntilCallbacks(2);
        Assert.Equal([silent.Cookie, loud.Cookie], rig.Log.CookiesOf(rig.Name(0)));
        Assert.Equal(2L, rig.State(0).Completed);
    }

    [Fact]
    public void Descriptor_without_interrupt_is_noticed_by_a_status_poll_C28()
    {
        var rig = new DmaRig(Sys);
        var silent = rig.Memcpy(0, 0, 4096, flags: DmaCtrlFlags.None);
        rig.Issue(0);
        Advance(Long);

        Assert.Equal(silent.Pattern, rig.Read(DmaRig.Destination(0), 4096));
        Assert.Equal(0, rig.Log.Count);

        // The port's lock-free status read sees the hardware done and tells the channel to complete it.
        var status = rig.Port(0).Status(silent.Cookie);
        Assert.Equal(DmaStatus.Complete, status.Status);
        rig.RunUntilCallbacks(1);
        Assert.Equal(silent.Cookie, rig.Log.Records.Single().Cookie);
        Assert.Equal(silent.Cookie, rig.State(0).LastCompleted);
    }

    [Fact]
    public void Terminate_drops_a_finished_descriptor_nobody_noticed_C28()
    {
        var rig = new DmaRig(Sys);
        rig.Memcpy(0, 0, 4096, flags: DmaCtrlFlags.None);
        rig.Issue(0);
        Advance(Long);

        var reply = rig.Ask<TerminateChannelReply>(0, TerminateChannel.Instance);
        RunUntilIdle();

        Assert.Equal(0, rig.Log.Count);
        Assert.Equal(0L, rig.State(0).Completed);
        Assert.Equal(1, reply.Dropped);
    }
}
