using System.Text.Json;

namespace DmaActors.Cli.Tests;

/// <summary>The README's commands, and what the CLI does with bad input.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CommandTests
{
    [Fact]
    public void The_readme_tour_runs_and_reports_verified_data_as_json()
    {
        var (code, output, errors) = CliRunner.Run("run", CliRunner.RepoFile("examples/boards/tour.dts"), "--workload", CliRunner.RepoFile("examples/boards/load.json"), "--json", "--ms", "2");
        Assert.True(code == 0, errors);
        using var report = JsonDocument.Parse(output);
        var streams = report.RootElement.GetProperty("Streams").EnumerateArray().ToList();
        Assert.Equal(2, streams.Count);
        Assert.All(streams, s => Assert.True(s.GetProperty("Bytes").GetInt64() > 0));
        Assert.All(streams, s => Assert.Equal(0, s.GetProperty("Mismatches").GetInt64()));
    }

    [Fact]
    public void The_demo_runs_on_a_fixed_seed_and_exits_zero()
    {
        var (code, output, errors) = CliRunner.Run("demo", "--ms", "2", "--seed", "7");
        Assert.True(code == 0, errors);
        Assert.Contains("all data verified", output, StringComparison.Ordinal);
        Assert.Contains("49000000.edma", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_writes_a_waveform_and_a_timeline_when_asked()
    {
        var directory = Directory.CreateTempSubdirectory("dmactors");
        try
        {
            string vcd = Path.Combine(directory.FullName, "run.vcd"), timeline = Path.Combine(directory.FullName, "run.json");
            var (code, _, errors) = CliRunner.Run("demo", "--ms", "1", "--seed", "1", "--json", "--trace", vcd, "--timeline", timeline);
            Assert.True(code == 0, errors);
            Assert.Contains("$enddefinitions $end", File.ReadAllText(vcd), StringComparison.Ordinal);
            using var trace = JsonDocument.Parse(File.ReadAllText(timeline));
            Assert.True(trace.RootElement.GetProperty("traceEvents").GetArrayLength() > 0);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_board_file_is_bad_input_exit_2()
    {
        var (code, _, errors) = CliRunner.Run("run", "/no/such/board.dts");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_board_is_bad_input_with_file_line_and_column()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.dts");
        File.WriteAllText(file, "/dts-v1/;\n/ {\n  a = <1 2;\n};\n");
        try
        {
            var (code, _, errors) = CliRunner.Run("run", file);
            Assert.Equal(2, code);
            Assert.Contains(":3:", errors, StringComparison.Ordinal);
            Assert.Contains("expected a number", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_workload_naming_an_unknown_consumer_is_bad_input()
    {
        var workload = Path.Combine(Path.GetTempPath(), $"w-{Guid.NewGuid():N}.json");
        File.WriteAllText(workload, "{ \"streams\": [ { \"consumer\": \"nope.uart\", \"channel\": \"rx\", \"kind\": \"slave\", \"bytes\": 16 } ] }");
        try
        {
            var (code, _, errors) = CliRunner.Run("run", CliRunner.RepoFile("examples/boards/tour.dts"), "--workload", workload, "--json");
            Assert.Equal(2, code);
            Assert.Contains("nope.uart", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(workload);
        }
    }

    [Fact]
    public void Dmatest_prints_the_kernels_summary_lines()
    {
        // The demo's EDMA serves memcpy on the channels its ti,edma-memcpy-channels lists (20 and
        // 21). The thread's name "dma0chan20-copy0" is cut to 15 characters, as current->comm is
        // (TASK_COMM_LEN 16), so the kernel prints "dma0chan20-copy" too.
        var (code, output, errors) = CliRunner.Run("dmatest", "--iterations", "4", "--channel", "dma0chan20");
        Assert.True(code == 0, errors);
        Assert.Matches(@"dmatest: dma0chan20-copy: summary 4 tests, 0 failures \d+\.\d{2} iops \d+ KB/s \(0\)", output);
    }

    [Fact]
    public void Explore_reports_every_seed_verified_on_the_demo()
    {
        var (code, output, errors) = CliRunner.Run("explore", "--seeds", "3", "--ms", "0.5");
        Assert.True(code == 0, errors);
        Assert.Contains("3 seeds explored", output, StringComparison.Ordinal);
    }
}

/// <summary>The console is process-wide: these tests run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
