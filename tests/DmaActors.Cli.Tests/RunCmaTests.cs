namespace DmaActors.Cli.Tests;

/// <summary><c>dmactors run BOARD --cma</c>: the boot-time CMA reservation on the board's RAM (CMA-1, CMA-2).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class RunCmaTests
{
    private static readonly string Tour = CliRunner.RepoFile("examples/boards/tour.dts");

    [Fact]
    public void Run_with_cma_logs_where_the_default_area_landed_on_the_boards_RAM_CMA_2()
    {
        var (code, _, errors) = CliRunner.Run("run", Tour, "--cma", "16M", "--ms", "0.5", "--seed", "1");
        Assert.True(code == 0, errors);
        Assert.Contains("cma: area 'reserved' at pa:0x9f000000, 16 MiB (default)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_a_fixed_cma_base_takes_it_exactly_CMA_2()
    {
        var (code, _, errors) = CliRunner.Run("run", Tour, "--cma", "32M@0x90000000", "--ms", "0.5", "--seed", "1");
        Assert.True(code == 0, errors);
        Assert.Contains("cma: area 'reserved' at pa:0x90000000, 32 MiB (default)", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1G", "ENOMEM (CMA-2)")]
    [InlineData("16M@0x90001000", "must be aligned")]
    [InlineData("16Q", "CMA-1")]
    public void Run_with_a_cma_the_kernel_refuses_exits_2_CMA_1_CMA_2(string cma, string reason)
    {
        var (code, _, errors) = CliRunner.Run("run", Tour, "--cma", cma, "--ms", "0.5", "--seed", "1");
        Assert.Equal(2, code);
        Assert.Contains(reason, errors, StringComparison.Ordinal);
    }
}
