using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Tests.Channels;
using DmaActors.Actors.Tracing;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Arbitration;

/// <summary>
/// Shared pools (V-17, V-18): more virtual channels than physical ones wait in issue order; the
/// kernel's pool lets a channel finish its issued work first, the time-sliced option hands the
/// physical channel on at descriptor boundaries, and a quantum of bursts
/// (<see cref="ControllerConfig.QuantumBursts"/>) takes it back mid-descriptor. Every descriptor
/// completes, each channel in cookie order, with its data intact.
/// </summary>
public sealed class TimeDivisionMultiplexingTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void Four_virtual_channels_on_one_physical_channel_each_finish_their_issued_work_in_issue_order_V17_H11()
    {
        var result = DispatcherScenarios.TimeDivision(Sys, quantumBursts: 0, ChannelMultiplexing.Pooled);

        var expected = Enumerable.Range(0, 4).SelectMany(channel => Enumerable.Range(0, 3).Select(round => $"dma0chan{channel}:{round + 2}"));
        Assert.Equal(expected, result.CompletionOrder);
    }

    [Fact]
    public void Time_sliced_virtual_channels_on_one_physical_channel_take_turns_at_descriptor_boundaries()
    {
        var result = DispatcherScenarios.TimeDivision(Sys, quantumBursts: 0);

        // First come, first served; a channel released with more work rejoins the back of the
        // queue, so completions rotate through the channels.
        var expected = Enumerable.Range(0, 3).SelectMany(round => Enumerable.Range(0, 4).Select(channel => $"dma0chan{channel}:{round + 2}"));
        Assert.Equal(expected, result.CompletionOrder);
    }

    [Fact]
    public void A_long_descriptor_is_preempted_after_its_quantum_and_continues_later_with_its_data_intact()
    {
        var tracer = new HardwareTracer(World.Clock);
        World.Tracer = tracer;
        var rig = new DmaRig(Sys, memory => new ControllerConfig { Memory = memory, PhysicalChannels = 1, VirtualChannels = 2, QuantumBursts = 4 });
        var longOne = rig.Memcpy(0, 0, 4096);
        var shortOne = rig.Memcpy(1, 1, 256);
        rig.Issue(0);
        RunUntilIdle();
        rig.Issue(1);

        rig.RunUntilCallbacks(2);

        // Channel 0 moves its quantum (4 bursts), channel 1 its whole descriptor (4 bursts), then
        // channel 0 the 60 bursts left; the bus never idles.
        Assert.Equal([("dma0chan1", 8 * 160L), ("dma0chan0", 68 * 160L)], rig.Log.Records.Select(r => (r.Channel, r.TimeNanoseconds)));
        Assert.All(rig.Log.Records, r => Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), r.Outcome));
        Assert.Equal(longOne.Pattern, rig.Read(DmaRig.Destination(0), 4096));
        Assert.Equal(shortOne.Pattern, rig.Read(DmaRig.Destination(1), 256));
        var starts = tracer.Records.Where(r => r.Event is StartDescriptor s && ReferenceEquals(s.Run.Spec, longOne.Spec)).ToArray();
        Assert.Equal(2, starts.Length); // started, preempted, started again from where it was
        Assert.Equal(4096, rig.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance).BytesPerChannel[0] - 256);
    }

    [Fact]
    public void Quantum_preemption_interleaves_many_long_descriptors_and_all_complete_in_order_with_intact_data()
    {
        var result = DispatcherScenarios.TimeDivision(Sys, quantumBursts: 3);

        Assert.True(result.Preemptions > 0, "Some descriptor should have been preempted.");
        for (int channel = 0; channel < 4; channel++)
        {
            Assert.Equal([2, 3, 4], result.CompletionOrder.Where(c => c.StartsWith($"dma0chan{channel}:", StringComparison.Ordinal)).Select(c => int.Parse(c.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void A_channel_paused_while_waiting_for_a_physical_channel_leaves_the_queue_until_resumed_V19()
    {
        var rig = new DmaRig(Sys, memory => new ControllerConfig { Memory = memory, PhysicalChannels = 1, VirtualChannels = 2 });
        var first = rig.Memcpy(0, 0, 1024);
        var second = rig.Memcpy(0, 1, 1024);
        var waiting = rig.Memcpy(1, 2, 1024);
        rig.Issue(0);
        RunUntilIdle();
        rig.Issue(1);

        Assert.Equal(new PauseChannelReply(0), rig.Ask<PauseChannelReply>(1, PauseChannel.Instance));
        Advance(Duration.FromMilliseconds(1));

        // Channel 1 left the queue, so channel 0 kept the physical channel for both descriptors.
        Assert.Equal([("dma0chan0", first.Cookie), ("dma0chan0", second.Cookie)], rig.Log.Records.Select(r => (r.Channel, r.Cookie)));
        Assert.Equal(0, rig.BytesLanded(DmaRig.Destination(2), waiting.Pattern));
        Assert.Equal(DmaStatus.Paused, rig.TxStatus(1, waiting.Cookie).Status);

        rig.Ask<ResumeChannelReply>(1, ResumeChannel.Instance);
        rig.RunUntilCallbacks(3);
        Assert.Equal(waiting.Pattern, rig.Read(DmaRig.Destination(2), 1024));
    }

    [Fact]
    public void A_preempted_descriptor_reports_its_residue_and_pauses_and_resumes_while_waiting_P14()
    {
        var rig = new DmaRig(Sys, memory => new ControllerConfig { Memory = memory, PhysicalChannels = 1, VirtualChannels = 2, QuantumBursts = 4 });
        var preempted = rig.Memcpy(0, 0, 65536);
        var other = rig.Memcpy(1, 1, 65536);
        rig.Issue(0);
        RunUntilIdle();
        rig.Issue(1);
        // Channel 0 moved 4 bursts (0-640 ns), then channel 1 took over.
        Advance(Duration.FromNanoseconds(1000));
        var state = rig.State(0);
        Assert.Equal((-1, preempted.DescriptorId), (state.PhysicalChannel, state.ActiveDescriptor));

        Assert.Equal(65536 - 256, rig.TxStatus(0, preempted.Cookie).Residue);
        Assert.Equal(new PauseChannelReply(65536 - 256), rig.Ask<PauseChannelReply>(0, PauseChannel.Instance));
        Advance(Duration.FromMicroseconds(50));
        Assert.Equal(256, rig.BytesLanded(DmaRig.Destination(0), preempted.Pattern));
        rig.Ask<ResumeChannelReply>(0, ResumeChannel.Instance);

        rig.RunUntilCallbacks(2);
        Assert.Equal(preempted.Pattern, rig.Read(DmaRig.Destination(0), 65536));
        Assert.Equal(other.Pattern, rig.Read(DmaRig.Destination(1), 65536));
    }

    /// <summary>
    /// TerminateAll's reply says what the aborted active descriptor had moved. A descriptor that
    /// was preempted (quantum expired, waiting for a physical channel) is still the active one and
    /// has moved bytes; the reply must count them, as it does for a running one.
    /// </summary>
    [Fact]
    public void Terminate_of_a_preempted_descriptor_reports_the_bytes_it_had_moved_V12()
    {
        var rig = new DmaRig(Sys, memory => new ControllerConfig { Memory = memory, PhysicalChannels = 1, VirtualChannels = 2, QuantumBursts = 4 });
        var preempted = rig.Memcpy(0, 0, 65536);
        var other = rig.Memcpy(1, 1, 4096);
        rig.Issue(0);
        RunUntilIdle();
        rig.Issue(1);
        Advance(Duration.FromNanoseconds(1000));
        Assert.Equal(-1, rig.State(0).PhysicalChannel); // preempted, waiting

        var terminated = rig.Ask<TerminateChannelReply>(0, TerminateChannel.Instance);

        int landed = rig.BytesLanded(DmaRig.Destination(0), preempted.Pattern);
        Assert.Equal(256, landed);
        Assert.Equal(new TerminateChannelReply(1, landed), terminated);
        rig.RunUntilCallbacks(1);
        Assert.Equal(other.Pattern, rig.Read(DmaRig.Destination(1), 4096));
        Assert.Equal(256, rig.BytesLanded(DmaRig.Destination(0), preempted.Pattern));
    }
}
