using System.Text.Json;

namespace DmaActors.Cli.Tests;

/// <summary><c>dmactors demo --scenario camera</c> and its <c>--cma</c> option (CMA-1, CMA-2, DB-11).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CameraScenarioTests
{
    [Fact]
    public void The_camera_scenario_shows_every_frame_byte_exact_and_reports_the_cma_counters()
    {
        var (code, output, errors) = CliRunner.Run(CliSetup.Terminal(200), "demo", "--scenario", "camera", "--seed", "5", "--frames", "3", "--cma", "32M", "--no-color");
        Assert.True(code == 0, errors);
        Assert.Equal(3, output.Split("byte-exact").Length - 1);
        Assert.Contains("cma=32M: area 'reserved'", output, StringComparison.Ordinal);
        Assert.Contains("alloc_pages_success 38, alloc_pages_fail 0", output, StringComparison.Ordinal);
        Assert.Contains("swiotlb bounces 0, dma-debug reports 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_camera_scenario_as_json_carries_the_figures()
    {
        var (code, output, errors) = CliRunner.Run("demo", "--scenario", "camera", "--frames", "2", "--json");
        Assert.True(code == 0, errors);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(2, report.RootElement.GetProperty("FramesVerified").GetInt32());
        Assert.True(report.RootElement.GetProperty("MegabytesPerSecond").GetDouble() > 0);
        Assert.Equal(2, report.RootElement.GetProperty("LatenciesUs").GetArrayLength());
        Assert.Equal(0, report.RootElement.GetProperty("CmaAllocPagesFail").GetInt32());
    }

    [Theory]
    [InlineData("64Q", "column 3")]
    [InlineData("64M@", "column 5")]
    [InlineData("", "Config string not provided")]
    public void A_malformed_cma_exits_2_naming_the_column_and_the_rule_CMA_1(string cma, string where)
    {
        var (code, _, errors) = CliRunner.Run("demo", "--scenario", "camera", "--cma", cma);
        Assert.Equal(2, code);
        Assert.Contains("CMA-1", errors, StringComparison.Ordinal);
        Assert.Contains(where, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cma_the_machine_cannot_reserve_exits_2_with_the_kernels_reason_CMA_2()
    {
        var (code, _, errors) = CliRunner.Run("demo", "--scenario", "camera", "--cma", "1G");
        Assert.Equal(2, code);
        Assert.Contains("CMA-2", errors, StringComparison.Ordinal);
        Assert.Contains("exceeds limit", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Cma_without_the_camera_scenario_exits_2()
    {
        var (code, _, errors) = CliRunner.Run("demo", "--cma", "64M");
        Assert.Equal(2, code);
        Assert.Contains("--cma and --frames belong to --scenario camera", errors, StringComparison.Ordinal);
    }
}
