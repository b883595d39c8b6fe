using DmaActors.Api.OfDma;
using DmaActors.Boards;
using DmaActors.Boards.Workloads;
using DmaActors.DeviceTree;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Boards;

/// <summary>
/// Bring-up of our test boards that reproduce the kernel's structures (issue 12, Deliver 2, 3, 5,
/// 8): the kernel's device names, probe per device with deferrals, both crossbars, the PL08x
/// binding, and every binding problem reported (issue 14, item 6).
/// </summary>
public sealed class BoardLoaderTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_ti_sysc_board_comes_up_with_the_kernels_device_names_and_both_mmc_controllers()
    {
        Cpp.Require();
        var board = BoardLoader.Load(Sys, TestBoards.Load("sysc/testsoc-board.dts"));
        Assert.Equal(
            ["44e10f90.dma-router", "49000000.dma", "50000000.dma-controller"],
            board.Providers.Select(p => p.DevName).Order(StringComparer.Ordinal));
        Assert.Equal("49000000.dma", Assert.Single(board.Controllers).Device.Dev);
        Assert.Equal(
            ["44e09000.serial:tx@26", "44e09000.serial:rx@27", "48030000.spi:tx0@16", "48030000.spi:rx0@17", "48038000.mcasp:tx@8", "48038000.mcasp:rx@9",
             "4803c000.mcasp:tx@?", "4803c000.mcasp:rx@?", "48060000.mmc:tx@24", "48060000.mmc:rx@25", "481a0000.spi:tx0@?", "481a0000.spi:rx0@?",
             "481a6000.serial:tx@?", "481a6000.serial:rx@?", "481d8000.mmc:tx@?", "481d8000.mmc:rx@?"],
            board.Peripherals.Select(p => p.ToString()));
        Assert.Empty(board.Errors);
    }

    [Fact]
    public void A_consumer_behind_an_unmodelled_controller_is_deferred_with_its_reason_and_the_rest_runs()
    {
        Cpp.Require();
        var board = BoardLoader.Load(Sys, TestBoards.Load("sysc/testsoc-board.dts"));
        var unmodelled = board.Providers.Single(p => p.DevName == "50000000.dma-controller");
        Assert.Equal(BoardProviderState.NotModelled, unmodelled.State);
        Assert.Contains("fsl,imx6q-sdma", unmodelled.Reason, StringComparison.Ordinal);
        var deferred = board.Deferrals.ToList();
        Assert.Equal(["50010000.serial:rx", "50010000.serial:tx"], deferred.Select(d => $"{d.DevName}:{d.Name}"));
        Assert.All(deferred, d => Assert.Contains("is not a controller this simulator models: the kernel defers this consumer (EPROBE_DEFER)", d.Reason, StringComparison.Ordinal));

        var report = new WorkloadRunner(board).Run(BoardWorkload.From(board, runMilliseconds: 3));
        Assert.DoesNotContain(report.Streams, s => s.Name.Contains("50010000", StringComparison.Ordinal));
        Assert.All(report.Streams, s => Assert.True(s.Bytes > 0, $"{s.Name} moved nothing"));
        Assert.False(report.HasVerificationFailures);
    }

    [Fact]
    public void Every_consumer_channel_is_resolved_to_its_controller_line_cells_and_peripheral()
    {
        Cpp.Require();
        var board = BoardLoader.Load(Sys, TestBoards.Load("sysc/testsoc-board.dts"));
        var router = board.Providers.Single(p => p.DevName == "44e10f90.dma-router");
        Assert.Equal((BoardProviderState.Router, "/ocp/target-module@49000000/dma@0"), (router.State, router.Master!.Path));
        var edma = board.Providers.Single(p => p.DevName == "49000000.dma");
        Assert.Equal((BoardProviderState.Registered, 64, 64), (edma.State, edma.Channels, edma.RequestLines));

        var uartRx = board.Channels.Single(c => c.DevName == "44e09000.serial" && c.Name == "rx");
        Assert.Equal((27, BoardChannelState.Wired, "uart-115200-rx"), (uartRx.Line!.Value, uartRx.State, uartRx.PeripheralModel));
        Assert.Equal([27u, 0u], uartRx.Cells);
        var routed = board.Channels.Single(c => c.DevName == "481a6000.serial" && c.Name == "rx");
        Assert.Equal((router.Node, edma.Node, 12, BoardChannelState.WiredAtRequest), (routed.Provider, routed.Controller, routed.Line!.Value, routed.State));
        Assert.Equal([12u, 0u, 8u], routed.Cells);
    }

    [Fact]
    public void Pl080_two_cell_specifiers_bind_request_and_master_and_carry_traffic_beside_an_unmodelled_controller()
    {
        var board = BoardLoader.Load(Sys, TestBoards.Load("pl08x/pl080-board.dts"));
        Assert.Equal(["20090000.serial:tx", "20090000.serial:rx"], board.Deferrals.Select(d => $"{d.DevName}:{d.Name}"));
        var rx = board.Engine.RequestChan("20080000.serial", "rx");
        Assert.Equal(("dma0chan13", 13, 2), (rx.Name, rx.RequestLine!.Value, rx.PeriphBuses!.Value));
        board.Engine.ReleaseChannel(rx);

        var report = new WorkloadRunner(board).Run(BoardWorkload.From(board, runMilliseconds: 3));
        Assert.Equal(["uart0 rx", "ssp0 tx", "ssp0 rx", "mmc0 read", "bulk memcpy"], report.Streams.Select(s => s.Name));
        Assert.All(report.Streams, s => Assert.True(s.Bytes > 0, $"{s.Name} moved nothing"));
        Assert.False(report.HasVerificationFailures);
    }

    [Fact]
    public void A_pl080_with_one_cell_fails_to_probe_in_the_bindings_words_and_its_consumers_are_deferred()
    {
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                #address-cells = <1>; #size-cells = <1>;
                dma: dma-controller@10130000 { compatible = "arm,pl080", "arm,primecell"; reg = <0x10130000 0x1000>; #dma-cells = <1>; };
                serial@101f1000 { compatible = "arm,pl011"; reg = <0x101f1000 0x1000>; dmas = <&dma 0>; dma-names = "rx"; };
            };
            """);
        var board = BoardLoader.Load(Sys, tree);
        var pl080 = Assert.Single(board.Providers);
        Assert.Equal(BoardProviderState.Failed, pl080.State);
        Assert.Contains("DMA channel translation requires two cells", pl080.Reason, StringComparison.Ordinal);
        Assert.Contains("failed to probe", Assert.Single(board.Deferrals).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_broken_binding_is_reported_with_its_node_path_and_rule_not_only_the_first()
    {
        var board = BoardLoader.Load(Sys, TestBoards.Load("bindings/broken.dts"));
        foreach (var problem in board.Problems) TestOutput?.WriteLine(problem.ToString());
        Assert.Equal(
            ["/serial@44e09000 \"rx-extra\" O-2", "/spi@48030000 \"tx0\" O-1", "/mmc@48060000 \"rx\" O-1", "/mcasp@48038000 O-3"],
            board.Errors.Select(p => $"{p.Consumer.Path}{(p.Channel is null ? "" : $" \"{p.Channel}\"")} {p.Rule}"));
        Assert.Contains("not a DMA controller or router", board.Errors.Single(p => p.Consumer.Path == "/spi@48030000").Message, StringComparison.Ordinal);
        // The line beyond dma-requests is the consumer's fault, named on the consumer.
        Assert.Contains("request 70 is beyond /dma-controller@49000000's dma-requests = <64>", board.Errors.Single(p => p.Consumer.Path == "/mmc@48060000").Message, StringComparison.Ordinal);
        var warning = Assert.Single(board.Problems, p => p.KernelAccepts);
        Assert.Equal(("/serial@48022000", "O-2"), (warning.Consumer.Path, warning.Rule));
        Assert.EndsWith("(the kernel would accept this)", warning.ToString(), StringComparison.Ordinal);
        // The good channels still come up.
        Assert.Contains(board.Peripherals, p => p.DevName == "48022000.serial" && p.ChannelName == "rx");
    }

    [Fact]
    public void Two_consumers_naming_one_edma_line_are_reported_on_the_second_O7()
    {
        var board = BoardLoader.Load(Sys, DtsParser.Parse("""
            /dts-v1/;
            / {
                #address-cells = <1>; #size-cells = <1>;
                edma: dma@49000000 { compatible = "ti,edma3-tpcc"; reg = <0x49000000 0x10000>; #dma-cells = <2>; };
                serial@44e09000 { compatible = "ti,am3352-uart"; reg = <0x44e09000 0x1000>; dmas = <&edma 26 0>, <&edma 27 0>; dma-names = "tx", "rx"; };
                serial@48022000 { compatible = "ti,am3352-uart"; reg = <0x48022000 0x1000>; dmas = <&edma 28 0>, <&edma 27 0>; dma-names = "tx", "rx"; };
            };
            """));
        var shared = Assert.Single(board.Errors);
        Assert.Equal(("/serial@48022000", "rx", "O-7"), (shared.Consumer.Path, shared.Channel, shared.Rule));
        Assert.Contains("/serial@44e09000 \"rx\" names too", shared.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edma_memcpy_takes_only_the_channels_ti_edma_memcpy_channels_lists()
    {
        var board = BoardLoader.Load(Sys, DtsParser.Parse(DemoScenario.BoardDts, "demo.dts"));
        var first = board.Engine.RequestChannel(DmaCapMask.Memcpy, null, null);
        var second = board.Engine.RequestChannel(DmaCapMask.Memcpy, null, null);
        Assert.Equal(("dma0chan20", "dma0chan21"), (first?.Name, second?.Name));
        Assert.Null(board.Engine.RequestChannel(DmaCapMask.Memcpy, null, null));
    }

    [Fact]
    public void An_edma_without_memcpy_channels_has_memcpy_disabled_as_the_kernel_says()
    {
        var board = BoardLoader.Load(Sys, DtsParser.Parse("/dts-v1/;\n/ { #address-cells = <1>; #size-cells = <1>; edma: dma@49000000 { compatible = \"ti,edma3-tpcc\"; reg = <0x49000000 0x10000>; #dma-cells = <2>; }; };"));
        Assert.Equal(0, (int)(Assert.Single(board.Controllers).Device.CapMask & DmaCapMask.Memcpy));
        var failure = Assert.Throws<DmaException>(() => new WorkloadRunner(board).Run(new Workload { RunMilliseconds = 1, Streams = [new WorkloadStream { Controller = "49000000.dma", Kind = StreamKind.Memcpy }] }));
        Assert.Contains("memcpy is disabled", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_matches_nothing_says_so_and_lists_the_near_ones()
    {
        var board = BoardLoader.Load(Sys, DtsParser.Parse(DemoScenario.BoardDts, "demo.dts"));
        var runner = new WorkloadRunner(board);
        var consumer = Assert.Throws<DmaException>(() => runner.Run(new Workload { RunMilliseconds = 1, Streams = [new WorkloadStream { Consumer = "44e09000.uart", Channel = "rx" }] }));
        Assert.Contains("no consumer of this board is called 44e09000.uart; near: 44e09000.serial", consumer.Message, StringComparison.Ordinal);
        var controller = Assert.Throws<DmaException>(() => runner.Run(new Workload { RunMilliseconds = 1, Streams = [new WorkloadStream { Controller = "43300000.dma", Kind = StreamKind.Memcpy }] }));
        Assert.Contains("no DMA controller of this board is called 43300000.dma; near: 49000000.edma", controller.Message, StringComparison.Ordinal);
    }
}
