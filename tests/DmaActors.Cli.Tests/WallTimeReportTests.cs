using System.Text.Json;

namespace DmaActors.Cli.Tests;

/// <summary>
/// Every run's report gives its wall time and real-time factor (virtual seconds per wall second),
/// issue 15; <c>--no-wall-time</c> leaves them out, and then a report on a seed is the same byte
/// for byte however often it runs. No wall time is asserted here, only how the figures relate.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class WallTimeReportTests
{
    private static readonly string[] Demo = ["demo", "--seed", "3", "--ms", "2"];

    [Fact]
    public void The_demo_json_gives_wall_seconds_and_virtual_seconds_per_wall_second_of_the_run()
    {
        var (code, json, errors) = CliRunner.Run([.. Demo, "--json"]);
        Assert.True(code == 0, errors);
        using var report = JsonDocument.Parse(json);
        var wall = report.RootElement.GetProperty("Wall");
        double wallSeconds = wall.GetProperty("WallSeconds").GetDouble();
        double virtualSeconds = wall.GetProperty("VirtualSeconds").GetDouble();
        Assert.True(wallSeconds > 0, $"wall seconds {wallSeconds}");
        Assert.Equal(report.RootElement.GetProperty("RunNanoseconds").GetInt64() / 1e9, virtualSeconds);
        Assert.Equal(virtualSeconds / wallSeconds, wall.GetProperty("RealTimeFactor").GetDouble(), 12);
    }

    [Fact]
    public void The_demo_text_ends_with_its_wall_time_and_real_time_factor()
    {
        var (code, text, errors) = CliRunner.Run(Demo);
        Assert.True(code == 0, errors);
        var last = text.TrimEnd().Split('\n')[^1];
        Assert.Matches(@"^wall \d+\.\d{3} s for the run \(2\.000 ms virtual\): real-time factor \d+\.\d{4}$", last);
    }

    [Fact]
    public void Without_wall_time_the_demo_reports_on_one_seed_are_the_same_byte_for_byte()
    {
        string[] text = [.. Demo, "--no-wall-time"];
        string[] json = [.. Demo, "--no-wall-time", "--json"];
        var (firstText, secondText) = (CliRunner.Run(text).Output, CliRunner.Run(text).Output);
        var (firstJson, secondJson) = (CliRunner.Run(json).Output, CliRunner.Run(json).Output);
        Assert.Equal(firstText, secondText);
        Assert.Equal(firstJson, secondJson);
        Assert.DoesNotContain("real-time factor", firstText, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(firstJson);
        Assert.False(report.RootElement.TryGetProperty("Wall", out _));
    }

    [Fact]
    public void Bench_arbitration_gives_each_runs_wall_time_in_json_and_the_sweeps_in_text()
    {
        var directory = Directory.CreateTempSubdirectory("arbitration-wall");
        try
        {
            string[] bench = ["bench", "arbitration", "--loads", "4,5", "--ms", "0.2", "--policies", "round-robin", "--out", directory.FullName];
            var (code, json, errors) = CliRunner.Run([.. bench, "--json"]);
            Assert.True(code == 0, errors);
            using var points = JsonDocument.Parse(json);
            Assert.Equal(2, points.RootElement.GetArrayLength());
            foreach (var point in points.RootElement.EnumerateArray())
            {
                double wallSeconds = point.GetProperty("WallSeconds").GetDouble();
                Assert.True(wallSeconds > 0, $"wall seconds {wallSeconds}");
                Assert.Equal(0.0002, point.GetProperty("VirtualSeconds").GetDouble(), 12);
                Assert.Equal(0.0002 / wallSeconds, point.GetProperty("RealTimeFactor").GetDouble(), 12);
            }

            var (_, text, _) = CliRunner.Run(bench);
            Assert.Matches(@"wall \d+\.\d{3} s for 2 runs \(0\.400 ms virtual\): real-time factor \d+\.\d{4}", text);

            var (_, plain, _) = CliRunner.Run([.. bench, "--json", "--no-wall-time"]);
            using var without = JsonDocument.Parse(plain);
            Assert.All(without.RootElement.EnumerateArray().ToList(), point => Assert.False(point.TryGetProperty("WallSeconds", out _)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
