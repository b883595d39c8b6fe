using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Faults;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Tests.Devices;
using DmaActors.Actors.Tracing;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Tracing;

/// <summary>
/// The hardware's trace: every DRQ edge, grant, descriptor start and end and fault reaches the
/// runtime's tracing hook as a message, stamped with virtual time, which is what waveform and
/// timeline writers read.
/// </summary>
public sealed class HardwareTracerTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_slave_receive_traces_drq_edges_grants_and_descriptor_start_and_end_in_time_order()
    {
        var records = TracedUartReceive.Run(Sys);
        Output?.WriteLine(string.Join(Environment.NewLine, records.Take(20)));
        Assert.Contains(records, r => r.Event is DrqRaised { Line: 2 });
        Assert.Contains(records, r => r.Event is DrqAcknowledged { Line: 2 });
        Assert.Contains(records, r => r.Event is FlushRequests { Line: 2 });
        Assert.Contains(records, r => r.Event is StartDescriptor);
        Assert.Equal(4, records.Count(r => r.Event is BusGranted));
        var end = Assert.Single(records, r => r.Event is DescriptorFinished);
        Assert.Equal(DmaengineTxResult.NoError, ((DescriptorFinished)end.Event).Outcome.Result);
        // Virtual timestamps never go backwards, and the descriptor ends after its last grant.
        Assert.True(records.Zip(records.Skip(1)).All(pair => pair.First.TimeNanoseconds <= pair.Second.TimeNanoseconds));
        Assert.True(end.TimeNanoseconds > records.Last(r => r.Event is BusGranted).TimeNanoseconds);
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.Event.Describe())));
    }

    [Fact]
    public void A_bus_fault_shows_in_the_trace_as_a_failed_descriptor_end()
    {
        var tracer = new HardwareTracer(World.Clock);
        World.Tracer = tracer;
        var memory = PhysicalMemory.Create(0x8000_0000, 1 << 20);
        var faults = new FaultPlan().FailReads(0x8000_0100, 4);
        var controller = DmaController.Start(Sys, new ControllerConfig { Memory = memory, Faults = faults });
        var port = controller.Open(0);
        port.Submit(TransferSpec.Memcpy(0x8000_0000, 0x8008_0000, 1024, 64), new DescriptorOptions());
        port.IssuePending();
        RunUntilIdle();
        Advance(Duration.FromMicroseconds(10));

        var end = Assert.Single(tracer.Records, r => r.Event is DescriptorFinished);
        var finished = (DescriptorFinished)end.Event;
        Assert.Equal(DmaengineTxResult.ReadFailed, finished.Outcome.Result);
        Assert.Equal(1024 - 256, finished.Outcome.Residue);
        Assert.Contains("ReadFailed", finished.Describe(), StringComparison.Ordinal);
        // Four bursts were granted before the faulting one, which was granted too (and failed).
        Assert.Equal(5, tracer.Records.Count(r => r.Event is BusGranted));
    }

    [Fact]
    public void Assignment_of_a_physical_channel_is_traced()
    {
        var tracer = new HardwareTracer(World.Clock);
        World.Tracer = tracer;
        var controller = DmaController.Start(Sys, new ControllerConfig { Memory = PhysicalMemory.Create(0x8000_0000, 1 << 20), PhysicalChannels = 1, VirtualChannels = 2 });
        foreach (int index in new[] { 0, 1 })
        {
            var port = controller.Open(index);
            port.Submit(TransferSpec.Memset(0x8000_0000 + (ulong)(index * 4096), 0xAA, 256, 64), new DescriptorOptions());
            port.IssuePending();
            // Each issue reaches the arbiter before the next, so the assignments come in channel order.
            RunUntilIdle();
        }
        Advance(Duration.FromMicroseconds(10));
        var assignments = tracer.Records.Where(r => r.Event is PhysicalChannelAssigned).Select(r => r.ActorPath).ToList();
        Assert.Equal(["/user/dma0/dma0chan0", "/user/dma0/dma0chan1"], assignments);
    }
}
