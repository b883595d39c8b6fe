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
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Arbitration;

/// <summary>
/// A shared pool serves virtual channels in the order their issue_pending calls returned
/// (sa11x0's chan_pending FIFO, V-17, H-11), whatever order the channels' actors run in, and a
/// virtual channel keeps its physical channel while it has issued work (V-17: the tasklet lets a
/// vchan that holds a pchan start its next descriptor; H-11).
/// </summary>
public sealed class IssueOrderTests(ITestOutputHelper output)
{
    [Fact]
    public void Channels_issued_0_2_1_on_one_physical_channel_are_served_0_2_1_under_every_schedule_V17_H11()
    {
        ScheduleExploration.Explore(200, system =>
        {
            var rig = OnePhysicalChannel(system, ChannelMultiplexing.Pooled);
            foreach (int channel in new[] { 0, 2, 1 }) rig.Memcpy(channel, channel, 256);
            foreach (int channel in new[] { 0, 2, 1 }) rig.IssuePending(channel);

            rig.RunUntilCallbacks(3);

            Assert.Equal(["dma0chan0", "dma0chan2", "dma0chan1"], rig.Log.Records.Select(r => r.Channel));
        }, output: output);
    }

    [Fact]
    public void A_channel_keeps_its_physical_channel_until_nothing_is_issued_0a_0b_2_1_V17_H11()
    {
        ScheduleExploration.Explore(50, system =>
        {
            var rig = OnePhysicalChannel(system, ChannelMultiplexing.Pooled);
            var first = rig.Memcpy(0, 0, 256);
            var second = rig.Memcpy(0, 1, 256);
            rig.Memcpy(2, 2, 256);
            rig.Memcpy(1, 3, 256);
            rig.IssuePending(0);
            rig.IssuePending(2);
            rig.IssuePending(1);

            rig.RunUntilCallbacks(4);

            Assert.Equal(
                [("dma0chan0", first.Cookie), ("dma0chan0", second.Cookie), ("dma0chan2", 2), ("dma0chan1", 2)],
                rig.Log.Records.Select(r => (r.Channel, r.Cookie)));
        }, output: output);
    }

    [Fact]
    public void Time_sliced_multiplexing_hands_the_physical_channel_on_at_every_descriptor_boundary_0a_2_1_0b()
    {
        ScheduleExploration.Explore(50, system =>
        {
            var rig = OnePhysicalChannel(system, ChannelMultiplexing.TimeSliced);
            var first = rig.Memcpy(0, 0, 256);
            var second = rig.Memcpy(0, 1, 256);
            rig.Memcpy(2, 2, 256);
            rig.Memcpy(1, 3, 256);
            rig.IssuePending(0);
            rig.IssuePending(2);
            rig.IssuePending(1);

            rig.RunUntilCallbacks(4);

            Assert.Equal(
                [("dma0chan0", first.Cookie), ("dma0chan2", 2), ("dma0chan1", 2), ("dma0chan0", second.Cookie)],
                rig.Log.Records.Select(r => (r.Channel, r.Cookie)));
        }, output: output);
    }

    [Fact]
    public void A_paused_channel_leaves_the_queue_and_rejoins_at_the_back_on_resume_V19()
    {
        ScheduleExploration.Explore(50, system =>
        {
            var rig = OnePhysicalChannel(system, ChannelMultiplexing.Pooled);
            rig.Memcpy(0, 0, 4096);
            rig.Memcpy(1, 1, 256);
            rig.Memcpy(2, 2, 256);
            rig.IssuePending(0);
            rig.IssuePending(1);
            rig.IssuePending(2);
            rig.Port(1).Post(PauseChannel.Instance);
            rig.Port(1).Post(ResumeChannel.Instance);

            rig.RunUntilCallbacks(3);

            Assert.Equal(["dma0chan0", "dma0chan2", "dma0chan1"], rig.Log.Records.Select(r => r.Channel));
        }, output: output);
    }

    [Fact]
    public void Work_issued_from_other_channels_callbacks_always_gets_a_physical_channel_V17()
    {
        // Channels 1 and 2 loop on short copies; each of their callbacks also submits and issues a
        // copy on channel 0. Channel 0's issues then land while it runs, between its descriptor
        // boundaries and while it lets its physical channel go: whatever the order, every issue ends
        // in a callback. (The thread-pool race that once left issued work without a queue entry is
        // pinned by PendingChannelsTests and the virtual-clock hammer.)
        const int Rounds = 12;
        ScheduleExploration.Explore(300, system =>
        {
            var rig = new DmaRig(system, memory => new ControllerConfig { Memory = memory, PhysicalChannels = 2, VirtualChannels = 3, Multiplexing = ChannelMultiplexing.Pooled });
            var ports = Enumerable.Range(0, 3).Select(rig.Port).ToArray();
            int onZero = 0;
            int loops = 0;
            void Copy(int channel, int slot, Action<DmaengineResult> callback)
            {
                var spec = TransferSpec.Memcpy(DmaRig.Source(slot), DmaRig.Destination(slot), 64 * (1 + slot % 3), 64);
                long id = ports[channel].Prepare(spec, new DescriptorOptions(DmaCtrlFlags.PrepInterrupt, callback));
                ports[channel].SubmitPrepared(id, spec.TotalBytes);
                ports[channel].IssuePending();
            }
            void Loop(int channel, int round)
            {
                Interlocked.Increment(ref loops);
                if (round == Rounds) return;
                Copy(0, 3 + round % 8, _ => Interlocked.Increment(ref onZero));
                Copy(channel, channel, _ => Loop(channel, round + 1));
            }
            Copy(1, 1, _ => Loop(1, 1));
            Copy(2, 2, _ => Loop(2, 1));

            system.RunUntil(() => Volatile.Read(ref onZero) == 2 * (Rounds - 1) && Volatile.Read(ref loops) == 2 * Rounds, Duration.FromMilliseconds(50));

            var zero = rig.State(0);
            Assert.True(onZero == 2 * (Rounds - 1), $"{onZero} of {2 * (Rounds - 1)} copies on channel 0 completed; channel 0: {zero}");
        }, output: output);
    }

    private static DmaRig OnePhysicalChannel(ActorSystem system, ChannelMultiplexing multiplexing) =>
        new(system, memory => new ControllerConfig { Memory = memory, PhysicalChannels = 1, VirtualChannels = 3, Multiplexing = multiplexing });
}
