using System.Text.Json;
using DmaActors.Boards;
using DmaActors.Boards.Workloads;
using DmaActors.DeviceTree;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Boards;

/// <summary>No workload given: a load made from the board (issue 12, Deliver 7), and the other vendors' peripheral models (Deliver 6).</summary>
public sealed class BoardWorkloadTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void The_demo_boards_own_load_is_the_demo_workload()
    {
        var board = BoardLoader.Load(Sys, DtsParser.Parse(DemoScenario.BoardDts, "demo.dts"));
        Assert.Equal(JsonSerializer.Serialize(DemoScenario.Workload), JsonSerializer.Serialize(BoardWorkload.From(board)));
    }

    [Fact]
    public void Each_consumer_gets_its_natural_stream_and_each_memcpy_capable_controller_one_memcpy()
    {
        Cpp.Require();
        var board = BoardLoader.Load(Sys, TestBoards.Load("sysc/testsoc-board.dts"));
        var load = BoardWorkload.From(board);
        Assert.Equal(
            ["uart0 rx:slave", "spi0 tx:slave", "spi0 rx:slave", "mcasp0 playback:cyclic", "mcasp1 playback:cyclic", "mmc1 read:slave", "spi1 tx:slave", "spi1 rx:slave", "uart3 rx:slave", "mmc2 read:slave", "bulk memcpy:memcpy"],
            load.Streams.Select(s => $"{s.Name}:{s.Kind.ToString().ToLowerInvariant()}"));
        Assert.Equal(50, load.RunMilliseconds);
    }

    [Fact]
    public void Other_vendors_peripherals_have_their_parts_fifo_depth_and_dma_watermark()
    {
        var tree = TestBoards.Load("pl08x/vendors.dts");
        string Profile(string path, string channel)
        {
            var p = PeripheralProfiles.For(tree, tree.FindByPath(path)!, channel)!;
            return $"{p.FifoDepth}/{p.Watermark}/{p.BeatBytes}";
        }
        // samsung_tty.c: fifosize {256, 64, 16, 16} by port (the serialN alias), single-byte requests.
        Assert.Equal("256/1/1", Profile("/soc/serial@13800000", "rx"));
        Assert.Equal("16/1/1", Profile("/soc/serial@13820000", "rx"));
        // imx.c: 32-byte FIFO, bursts of 8 (RXTL_DMA - 1, TXTL_DMA).
        Assert.Equal("32/8/1", Profile("/soc/serial@2020000", "rx"));
        // spi-imx.c: 64-entry FIFO, wml = fifo_size / 2.
        Assert.Equal("64/32/1", Profile("/soc/spi@2008000", "tx"));
        // bcm2835.c (sdhost): 16-word FIFO, thresholds of 4 words.
        Assert.Equal("64/16/4", Profile("/soc/mmc@7e202000", "rx-tx"));
        // bcm2835-i2s.c: 64-word FIFO, maxburst 2 words.
        Assert.Equal("256/8/4", Profile("/soc/i2s@7e203000", "tx"));
    }

    [Fact]
    public void Other_vendors_peripherals_carry_verified_data()
    {
        var board = BoardLoader.Load(Sys, TestBoards.Load("pl08x/vendors.dts"));
        var report = new WorkloadRunner(board).Run(BoardWorkload.From(board, runMilliseconds: 3));
        foreach (var s in report.Streams) TestOutput?.WriteLine($"{s.Name,-22} {s.Channel,-12} {s.Bytes,9} B mism {s.Mismatches} under {s.Underruns} over {s.Overruns}");
        Assert.Equal(["exynos_uart0 rx", "exynos_uart2 rx", "imx_uart rx", "ecspi1 tx", "ecspi1 rx", "sdhost read", "i2s playback", "bulk memcpy"], report.Streams.Select(s => s.Name));
        Assert.All(report.Streams, s => Assert.True(s.Bytes > 0, $"{s.Name} moved nothing"));
        Assert.False(report.HasVerificationFailures);
    }
}
