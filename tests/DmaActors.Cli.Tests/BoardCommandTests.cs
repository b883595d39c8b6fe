using System.Text.Json;

namespace DmaActors.Cli.Tests;

/// <summary>
/// <c>dmactors board</c>, and <c>run</c>/<c>dmatest</c>/<c>explore</c> on the test boards that
/// reproduce the kernel's structures (issue 12, Deliver 3, 7 and Must show; issue 14, item 6).
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class BoardCommandTests
{
    private static readonly string Include = CliRunner.RepoDirectory("tests/boards/include");

    private static string Board(string relative) => CliRunner.RepoFile(Path.Combine("tests/boards", relative));

    [Fact]
    public void Board_lists_controllers_routed_channels_and_the_deferral_with_its_reason()
    {
        var (code, output, errors) = CliRunner.Run("board", "-I", Include, Board("sysc/testsoc-board.dts"));
        Assert.True(code == 0, errors);
        Assert.Contains("49000000.dma             ti,edma3-tpcc  TI EDMA3 (AM335x): 64 channels, 64 request lines", output, StringComparison.Ordinal);
        Assert.Contains("44e10f90.dma-router      ti,am335x-edma-crossbar  router to 49000000.dma", output, StringComparison.Ordinal);
        Assert.Contains("50000000.dma-controller  fsl,imx6q-sdma  not modelled", output, StringComparison.Ordinal);
        // A channel behind the AM335x crossbar: consumer cells, the EDMA and the line it maps.
        Assert.Contains("rx  44e10f90.dma-router <12 0 8> -> 49000000.dma line 12  uart-115200-rx (wired when requested)", output, StringComparison.Ordinal);
        Assert.Contains("rx  49000000.dma <27 0> line 27  uart-115200-rx", output, StringComparison.Ordinal);
        Assert.Contains("Deferred (1)", output, StringComparison.Ordinal);
        Assert.Contains("50010000.serial (\"rx\", \"tx\"): 50000000.dma-controller (fsl,imx6q-sdma) is not a controller this simulator models: the kernel defers this consumer (EPROBE_DEFER)", output, StringComparison.Ordinal);
        Assert.Contains("Binding problems (0 errors, 0 warnings)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Board_json_gives_every_controller_consumer_channel_and_deferral()
    {
        var (code, output, errors) = CliRunner.Run("board", "--json", "-I", Include, Board("sysc/testsoc-board.dts"));
        Assert.True(code == 0, errors);
        using var json = JsonDocument.Parse(output);
        var controllers = json.RootElement.GetProperty("controllers").EnumerateArray().ToDictionary(c => c.GetProperty("device").GetString()!);
        Assert.Equal("registered", controllers["49000000.dma"].GetProperty("state").GetString());
        Assert.Equal("router", controllers["44e10f90.dma-router"].GetProperty("state").GetString());
        Assert.Equal("49000000.dma", controllers["44e10f90.dma-router"].GetProperty("routesTo").GetString());
        Assert.Equal("not-modelled", controllers["50000000.dma-controller"].GetProperty("state").GetString());
        var uart3 = json.RootElement.GetProperty("consumers").EnumerateArray().Single(c => c.GetProperty("device").GetString() == "481a6000.serial");
        var rx = uart3.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "rx");
        Assert.Equal([12u, 0u, 8u], rx.GetProperty("cells").EnumerateArray().Select(c => c.GetUInt32()));
        Assert.Equal(12, rx.GetProperty("line").GetInt32());
        Assert.Equal("49000000.dma", rx.GetProperty("controller").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("deferred").GetArrayLength());
    }

    [Fact]
    public void Run_without_a_workload_runs_the_rest_of_a_board_with_an_unmodelled_controller_and_says_what_it_left_out()
    {
        var (code, output, errors) = CliRunner.Run("run", "-I", Include, Board("sysc/testsoc-board.dts"), "--json", "--ms", "3", "--seed", "1");
        Assert.True(code == 0, errors);
        Assert.Contains("dmactors: left out 50000000.dma-controller (fsl,imx6q-sdma): not modelled", errors, StringComparison.Ordinal);
        Assert.Contains("dmactors: deferred 50010000.serial (\"rx\", \"tx\")", errors, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var streams = json.RootElement.GetProperty("Streams").EnumerateArray().ToList();
        Assert.Equal(
            ["uart0 rx", "spi0 tx", "spi0 rx", "mcasp0 playback", "mcasp1 playback", "mmc1 read", "spi1 tx", "spi1 rx", "uart3 rx", "mmc2 read", "bulk memcpy"],
            streams.Select(s => s.GetProperty("Name").GetString()));
        Assert.All(streams, s => Assert.True(s.GetProperty("Bytes").GetInt64() > 0, s.GetProperty("Name").GetString()));
        Assert.All(streams, s => Assert.Equal(0, s.GetProperty("Mismatches").GetInt64()));
    }

    [Fact]
    public void Every_broken_binding_is_listed_with_node_path_and_rule_then_exit_2()
    {
        var (code, output, _) = CliRunner.Run("board", Board("bindings/broken.dts"));
        Assert.Equal(2, code);
        Assert.Contains("Binding problems (4 errors, 1 warning)", output, StringComparison.Ordinal);
        foreach (var path in new[] { "/serial@44e09000 \"rx-extra\": error (O-2)", "/spi@48030000 \"tx0\": error (O-1)", "/mmc@48060000 \"rx\": error (O-1)", "/mcasp@48038000: error (O-3)", "/serial@48022000: warning (O-2)" })
            Assert.Contains(path, output, StringComparison.Ordinal);

        var (runCode, _, runErrors) = CliRunner.Run("run", Board("bindings/broken.dts"), "--ms", "1", "--json");
        Assert.Equal(2, runCode);
        Assert.Equal(5, runErrors.Split('\n').Count(l => l.StartsWith("dmactors: /", StringComparison.Ordinal)));
        Assert.Contains("the board has 4 binding errors", runErrors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workload_name_that_matches_nothing_lists_the_near_ones()
    {
        var workload = Path.Combine(Path.GetTempPath(), $"w-{Guid.NewGuid():N}.json");
        File.WriteAllText(workload, "{ \"streams\": [ { \"consumer\": \"44e09000.seria\", \"channel\": \"rx\", \"kind\": \"slave\", \"bytes\": 16 } ] }");
        try
        {
            var (code, _, errors) = CliRunner.Run("run", "-I", Include, Board("sysc/testsoc-board.dts"), "--workload", workload, "--json");
            Assert.Equal(2, code);
            Assert.Contains("no consumer of this board is called 44e09000.seria; near: 44e09000.serial", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(workload);
        }
    }

    [Theory]
    [InlineData("sysc/testsoc-board.dts")]
    [InlineData("xbar/dra7-like.dts")]
    [InlineData("pl08x/pl080-board.dts")]
    [InlineData("pl08x/vendors.dts")]
    public void Run_dmatest_and_explore_finish_without_an_unhandled_exception(string board)
    {
        var (run, _, runErrors) = CliRunner.Run("run", "-I", Include, Board(board), "--ms", "1", "--json", "--seed", "3");
        Assert.True(run == 0, runErrors);
        var (dmatest, output, dmatestErrors) = CliRunner.Run("dmatest", "--board", Board(board), "-I", Include, "--iterations", "2");
        Assert.True(dmatest == 0, dmatestErrors + output);
        Assert.Contains("summary 2 tests, 0 failures", output, StringComparison.Ordinal);
        var (explore, exploreOutput, exploreErrors) = CliRunner.Run("explore", "--board", Board(board), "-I", Include, "--seeds", "2", "--ms", "0.5");
        Assert.True(explore == 0, exploreErrors);
        Assert.Contains("2 seeds explored", exploreOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Board_reads_nested_include_relative_to_the_including_file_from_another_directory_and_with_i()
    {
        string saved = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetTempPath();
        try
        {
            var (code, output, errors) = CliRunner.Run("board", "-i", CliRunner.RepoDirectory("tests/boards/nested/lib"), Board("nested/board.dts"));
            Assert.True(code == 0, errors);
            Assert.Contains("DmaActors nested-include test board", output, StringComparison.Ordinal);
            var (missing, _, why) = CliRunner.Run("board", Board("nested/board.dts"));
            Assert.Equal(2, missing);
            Assert.Contains("/include/ \"extra.dtsi\": no such file", why, StringComparison.Ordinal);
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }
    }
}
