using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Tracing;
using DmaActors.Boards;
using DmaActors.Boards.Workloads;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Boards;

/// <summary>
/// Streams behind both TI crossbars (issue 12, Deliver 4): the peripheral is wired to the EDMA
/// request line the route chose when the channel was requested, data arrives byte-exact, and the
/// trace shows the peripheral's requests on that routed line (O-8, O-10).
/// </summary>
public sealed class CrossbarTrafficTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_uart_behind_the_am335x_event_crossbar_receives_byte_exact_data_on_the_line_it_maps()
    {
        Cpp.Require();
        var board = BoardLoader.Load(Sys, TestBoards.Load("sysc/testsoc-board.dts"));
        var tracer = new HardwareTracer(board.World.Clock);
        board.World.Tracer = tracer;
        var report = new WorkloadRunner(board).Run(new Workload
        {
            RunMilliseconds = 10,
            Streams = [new WorkloadStream { Name = "uart3 rx", Consumer = "481a6000.serial", Channel = "rx", Bytes = 16 }],
        });
        var stream = Assert.Single(report.Streams);
        // <&edma_xbar 12 0 8>: EDMA line (and channel) 12, driven by crossbar input 8.
        Assert.Equal("dma0chan12", stream.Channel);
        Assert.True(stream.Bytes >= 16 * 5, $"only {stream.Bytes} bytes");
        Assert.Equal(0, stream.Mismatches);
        var peripheral = board.Peripherals.Single(p => p.DevName == "481a6000.serial" && p.ChannelName == "rx");
        Assert.Equal((12, "/ocp/interconnect@44c00000/segment@200000/target-module@10000/scm@0/dma-router@f90"), (peripheral.Line!.Value, peripheral.RoutedVia!.Path));
        // The trace names the peripheral after its routed line, and the controller sees requests on it.
        Assert.Contains(tracer.Records, r => r.ActorPath.EndsWith("/481a6000.serial-rx-drq12", StringComparison.Ordinal));
        Assert.Contains(tracer.Records, r => r.Event is DrqRaised { Line: 12 });
        Assert.Contains(WaveformSignals.From(tracer.Records), c => c.Signal == "drq12");
    }

    [Fact]
    public void A_uart_behind_the_dra7_crossbar_receives_byte_exact_data_on_the_first_free_unreserved_line()
    {
        var board = BoardLoader.Load(Sys, TestBoards.Load("xbar/dra7-like.dts"));
        var tracer = new HardwareTracer(board.World.Clock);
        board.World.Tracer = tracer;
        var report = new WorkloadRunner(board).Run(new Workload
        {
            RunMilliseconds = 10,
            Streams = [new WorkloadStream { Name = "uart3 rx", Consumer = "48020000.serial", Channel = "rx", Bytes = 16 }],
        });
        var stream = Assert.Single(report.Streams);
        // Lines 0 and 1 are reserved (ti,reserved-dma-request-ranges = <0 2>): the route takes line 2.
        Assert.Equal("dma0chan2", stream.Channel);
        Assert.True(stream.Bytes >= 16 * 5, $"only {stream.Bytes} bytes");
        Assert.Equal(0, stream.Mismatches);
        Assert.Contains(tracer.Records, r => r.ActorPath.EndsWith("/48020000.serial-rx-drq2", StringComparison.Ordinal));
        Assert.Contains(tracer.Records, r => r.Event is DrqRaised { Line: 2 });
        Assert.DoesNotContain(tracer.Records, r => r.Event is DrqRaised raised && raised.Line != 2);
    }

    [Theory]
    [InlineData(DispatcherKind.Deterministic)]
    [InlineData(DispatcherKind.ThreadPool)]
    public void Uart_spi_mmc_and_mcasp_streams_all_run_verified_behind_the_am335x_event_crossbar(DispatcherKind dispatcher)
    {
        Cpp.Require();
        using var scope = new SimulationScope("am335x-xbar-load", new SimulationSettings { Dispatcher = dispatcher });
        var board = BoardLoader.Load(scope.System, TestBoards.Load("sysc/testsoc-board.dts"));
        var routed = new[] { "481a6000.serial", "481a0000.spi", "481d8000.mmc", "4803c000.mcasp" };
        var load = BoardWorkload.From(board, runMilliseconds: 3);
        load = load with { Streams = [.. load.Streams.Where(s => routed.Contains(s.Consumer))] };
        Assert.Equal(["mcasp1 playback", "spi1 tx", "spi1 rx", "uart3 rx", "mmc2 read"], load.Streams.Select(s => s.Name));
        var report = new WorkloadRunner(board).Run(load);
        foreach (var s in report.Streams) TestOutput?.WriteLine($"{s.Name,-16} {s.Channel,-12} {s.Bytes,9} B mism {s.Mismatches} err {s.Errors} under {s.Underruns}");
        Assert.All(report.Streams, s => Assert.True(s.Bytes > 0, $"{s.Name} moved nothing"));
        Assert.False(report.HasVerificationFailures);
        // Each on the EDMA line (and channel) its first cell names, muxed to its crossbar input.
        Assert.Equal(["dma0chan10", "dma0chan42", "dma0chan43", "dma0chan12", "dma0chan3"], report.Streams.Select(s => s.Channel));
        Assert.All(board.Peripherals.Where(p => p.Device is not null && routed.Contains(p.DevName)), p => Assert.Equal("dma-router@f90", p.RoutedVia!.Name));
    }

    [Theory]
    [InlineData(DispatcherKind.Deterministic)]
    [InlineData(DispatcherKind.ThreadPool)]
    public void Uart_spi_mmc_and_mcasp_streams_all_run_verified_behind_the_dra7_crossbar(DispatcherKind dispatcher)
    {
        using var scope = new SimulationScope("dra7-load", new SimulationSettings { Dispatcher = dispatcher });
        var board = BoardLoader.Load(scope.System, TestBoards.Load("xbar/dra7-like.dts"));
        var load = BoardWorkload.From(board, runMilliseconds: 3);
        Assert.Equal(["uart3 rx", "mcspi1 tx", "mcspi1 rx", "mmc1 read", "mcasp3 playback", "bulk memcpy"], load.Streams.Select(s => s.Name));
        var report = new WorkloadRunner(board).Run(load);
        foreach (var s in report.Streams) TestOutput?.WriteLine($"{s.Name,-16} {s.Channel,-12} {s.Bytes,9} B mism {s.Mismatches} err {s.Errors} under {s.Underruns}");
        Assert.All(report.Streams, s => Assert.True(s.Bytes > 0, $"{s.Name} moved nothing"));
        Assert.False(report.HasVerificationFailures);
        // Routed in request order onto the free lines 2, 3, 4, 5, 6; the EDMA's memcpy channels are its own (58, 59).
        Assert.Equal(["dma0chan2", "dma0chan3", "dma0chan4", "dma0chan5", "dma0chan6", "dma0chan58"], report.Streams.Select(s => s.Channel));
    }
}
