using System.Globalization;
using System.Text.Json;

namespace DmaActors.Cli.Tests;

/// <summary><c>--json</c> and <c>--csv</c>: every table of every command, for machines, and the two agree.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class MachineOutputTests
{
    private static readonly string[] Demo = ["demo", "--seed", "2", "--ms", "3"];

    [Fact]
    public void The_channels_csv_parses_and_holds_the_jsons_figures_unrounded()
    {
        var (code, csv, errors) = CliRunner.Run([.. Demo, "--csv"]);
        Assert.True(code == 0, errors);
        var (_, json, _) = CliRunner.Run([.. Demo, "--json"]);
        var rows = Csv.Parse(csv);
        using var report = JsonDocument.Parse(json);
        var streams = report.RootElement.GetProperty("Streams").EnumerateArray().ToList();

        Assert.Equal(streams.Count, rows.Count);
        foreach (var (row, s) in rows.Zip(streams))
        {
            Assert.Equal(s.GetProperty("Name").GetString(), row["name"]);
            Assert.Equal(s.GetProperty("Channel").GetString(), row["channel"]);
            Assert.Equal(s.GetProperty("Controller").GetString(), row["controller"]);
            Assert.Equal(s.GetProperty("Kind").GetString()!.ToLowerInvariant(), row["kind"]);
            foreach (var (column, field) in new[] { ("bytes", "Bytes"), ("transfers", "Transfers"), ("underruns", "Underruns"), ("overruns", "Overruns"), ("errors", "Errors"), ("mismatches", "Mismatches") })
            {
                Assert.Equal(s.GetProperty(field).GetInt64(), long.Parse(row[column], CultureInfo.InvariantCulture));
            }
            foreach (var (column, field) in new[] { ("bytes_per_second", "BytesPerSecond"), ("demand_bytes_per_second", "DemandBytesPerSecond"), ("latency_p50_us", "LatencyP50Microseconds"), ("latency_p99_us", "LatencyP99Microseconds"), ("latency_max_us", "LatencyMaxMicroseconds") })
            {
                Assert.Equal(s.GetProperty(field).GetDouble(), double.Parse(row[column], CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void Csv_controllers_selects_the_controller_table()
    {
        var (code, csv, errors) = CliRunner.Run([.. Demo, "--csv", "controllers"]);
        Assert.True(code == 0, errors);
        var row = Assert.Single(Csv.Parse(csv));
        Assert.Equal("49000000.edma", row["controller"]);
        Assert.Equal("6", row["streams"]);
        Assert.InRange(double.Parse(row["jain_fairness"], CultureInfo.InvariantCulture), 0, 1);
    }

    [Fact]
    public void Json_and_csv_together_or_an_unknown_table_are_bad_input()
    {
        var (both, _, bothErrors) = CliRunner.Run([.. Demo, "--json", "--csv"]);
        Assert.Equal(2, both);
        Assert.Contains("--json and --csv cannot be used together", bothErrors, StringComparison.Ordinal);

        var (unknown, _, unknownErrors) = CliRunner.Run([.. Demo, "--csv", "devices"]);
        Assert.Equal(2, unknown);
        Assert.Contains("--csv takes the name of a table: channels or controllers or frames, not 'devices'", unknownErrors, StringComparison.Ordinal);
    }

    [Fact]
    public void Explore_prints_its_outcome_as_json_and_its_tables_as_csv()
    {
        var (code, json, errors) = CliRunner.Run("explore", "--seeds", "2", "--ms", "0.5", "--json");
        Assert.True(code == 0, errors);
        using var outcome = JsonDocument.Parse(json);
        Assert.Equal(2, outcome.RootElement.GetProperty("SeedsExplored").GetInt32());
        Assert.Equal(JsonValueKind.Null, outcome.RootElement.GetProperty("FailingSeed").ValueKind);

        var (_, csv, _) = CliRunner.Run("explore", "--seeds", "1", "--ms", "0.5", "--csv");
        Assert.StartsWith("name,channel,kind,", csv, StringComparison.Ordinal);
        Assert.Empty(Csv.Parse(csv)); // nothing failed: no failing run's rows
    }

    [Fact]
    public void Dmatest_prints_a_row_per_thread_as_csv_and_its_whole_result_as_json()
    {
        var (code, csv, errors) = CliRunner.Run("dmatest", "--iterations", "3", "--channel", "dma0chan0", "--csv");
        Assert.True(code == 0, errors);
        var row = Assert.Single(Csv.Parse(csv));
        Assert.Equal("dma0chan0-copy0", row["thread"]);
        Assert.Equal("3", row["tests"]);
        Assert.Equal("0", row["failures"]);

        var (_, json, _) = CliRunner.Run("dmatest", "--iterations", "3", "--channel", "dma0chan0", "--json");
        using var result = JsonDocument.Parse(json);
        var thread = Assert.Single(result.RootElement.GetProperty("Threads").EnumerateArray().ToList());
        Assert.Equal(3, thread.GetProperty("Tests").GetInt32());
        Assert.Equal(row["kb_per_second"], thread.GetProperty("KBs").GetUInt64().ToString(CultureInfo.InvariantCulture));
        Assert.Contains("summary 3 tests, 0 failures", thread.GetProperty("Summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_arbitration_prints_its_table_as_csv_and_its_points_as_json()
    {
        var directory = Directory.CreateTempSubdirectory("arbitration");
        try
        {
            var (code, csv, errors) = CliRunner.Run("bench", "arbitration", "--loads", "4", "--ms", "0.3", "--policies", "round-robin", "--out", directory.FullName, "--csv");
            Assert.True(code == 0, errors);
            var row = Assert.Single(Csv.Parse(csv));
            Assert.Equal("round-robin", row["policy"]);
            Assert.Equal("4", row["virtual_channels"]);

            var (_, json, _) = CliRunner.Run("bench", "arbitration", "--loads", "4", "--ms", "0.3", "--policies", "round-robin", "--out", directory.FullName, "--json");
            using var points = JsonDocument.Parse(json);
            var point = Assert.Single(points.RootElement.EnumerateArray().ToList());
            Assert.Equal(point.GetProperty("Fairness").GetDouble(), double.Parse(row["jain_fairness"], CultureInfo.InvariantCulture));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
