namespace DmaActors.Cli.Tests;

/// <summary>
/// Bindings of the tour board broken one at a time (issue 13, item 2): each is refused before the
/// run, exit 2, with the node path and the rule or limit, never a .NET exception, an [ERR] line
/// and exit 0, or RAM silently replaced by the default.
/// </summary>
public sealed class BoardBindingLimitTests
{
    [Theory]
    // O-2 (of_parse_phandle_with_args: MAX_PHANDLE_ARGS): was ArgumentOutOfRange.
    [InlineData("#dma-cells = <2>;", "#dma-cells = <0xffffffff>;", "/spi@48030000", "#dma-cells = <4294967295> is more than the 16 argument cells")]
    [InlineData("reg = <0x80000000 0x20000000>", "reg = <0x80000000 0>", "tour.dts:4:", "/memory@80000000: RAM of 0x0 bytes at 0x80000000 is empty")]
    [InlineData("reg = <0x80000000 0x20000000>", "reg = <0xf0000000 0x20000000>", "tour.dts:4:", "/memory@80000000: RAM of 0x20000000 bytes at 0xf0000000 runs past the 32-bit physical address space")]
    // Was silently replaced by the default RAM.
    [InlineData("reg = <0x80000000 0x20000000>", "reg = <0x80000000>", "tour.dts:4:", "/memory@80000000: reg has 1 cell(s) but a bank is <address size> = 1 + 1 cells")]
    [InlineData("#address-cells = <1>; #size-cells = <1>;", "#address-cells = <0>; #size-cells = <1>;", "tour.dts:4:", "its bus's #address-cells is 0")]
    // Was OutOfMemory, then AskRecipientStoppedException.
    [InlineData("dma-requests = <64>;", "dma-requests = <64>; dmactors,physical-channels = <0x7fffffff>;", "tour.dts:8:", "/edma@49000000: dmactors,physical-channels = <2147483647> must be 1 to 256")]
    // Was ActorInitializationException, then AskRecipientStoppedException.
    [InlineData("dma-requests = <64>;", "dma-requests = <64>; dmactors,arbitration = \"weighted-round-robin\"; dmactors,weights = <0xffffffff>;", "tour.dts:8:", "/edma@49000000: dmactors,weights has <4294967295>: each weight must be 1 to 1024")]
    // O-1: printed [ERR] and exited 0.
    [InlineData("<&edma 17 0>", "<&edma 17 9>", "/spi@48030000 \"rx0\"", "(O-1): dmas entry 1: event queue 9 does not exist")]
    // O-7: one request line bound by two channels; printed [ERR] and exited 0.
    [InlineData("<&edma 16 0>, <&edma 17 0>", "<&edma 17 0>, <&edma 17 0>", "/spi@48030000 \"rx0\"", "(O-7): /spi@48030000 \"rx0\": channel 17 of /edma@49000000 is already taken")]
    // A cell too many is read as the next entry's phandle, as the kernel reads it: O-2.
    [InlineData("<&edma 17 0>;", "<&edma 17 0 5>;", "/spi@48030000", "(O-2): dmas entry 2 names phandle 5, which no node has")]
    public void A_broken_binding_is_refused_before_the_run_with_its_node_path_and_rule(string from, string to, string where, string message)
    {
        string folder = Directory.CreateTempSubdirectory("binding-").FullName;
        string board = Path.Combine(folder, "tour.dts");
        string source = File.ReadAllText(CliRunner.RepoFile("examples/boards/tour.dts"));
        Assert.Contains(from, source, StringComparison.Ordinal);
        File.WriteAllText(board, source.Replace(from, to, StringComparison.Ordinal));
        try
        {
            var (code, output, errors) = CliRunner.Run("run", board, "--ms", "1");
            Assert.True(code == 2, $"exit {code}: {errors}");
            Assert.Equal("", output);
            Assert.Contains(where, errors, StringComparison.Ordinal);
            Assert.Contains(message, errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("[ERR]", errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
