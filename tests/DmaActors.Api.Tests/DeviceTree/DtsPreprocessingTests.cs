using DmaActors.DeviceTree;

namespace DmaActors.Api.Tests.DeviceTree;

/// <summary>
/// Board files read as the kernel build reads them (issue 12, Deliver 1): cpp with the kernel's
/// flags, <c>-I</c>, <c>-D</c> and <c>__DTS__</c>; dtc's <c>/include/</c> resolved from the
/// including file's directory, then <c>-i</c> directories; cycles and runaway nesting named.
/// </summary>
public sealed class DtsPreprocessingTests
{
    [Fact]
    public void A_dt_bindings_header_is_found_with_the_include_directory_and_its_absence_is_named()
    {
        Cpp.Require();
        var missing = Assert.Throws<DtsSyntaxException>(() => DtsFile.Load(TestBoards.File("sysc/testsoc-board.dts")));
        Assert.Contains("dt-bindings/bus/dmactors-sysc.h", missing.Message, StringComparison.Ordinal);
        Assert.Contains("-I <linux>/include", missing.Message, StringComparison.Ordinal);
        Assert.EndsWith("testsoc.dtsi", missing.Location.File, StringComparison.Ordinal);

        var tree = TestBoards.Load("sysc/testsoc-board.dts");
        // SYSC_CLOCKACTIVITY | SYSC_SOFTRESET | SYSC_AUTOIDLE from the header: (3 << 8) | 2 | 1.
        Assert.Equal(0x303u, tree.FindByPath("/ocp/interconnect@44c00000/segment@200000/target-module@9000")!.Property("ti,sysc-mask")!.Cell());
    }

    [Fact]
    public void Dts_is_always_defined_and_D_macros_reach_cpp()
    {
        Cpp.Require();
        var directory = System.IO.Directory.CreateTempSubdirectory("dts-defines");
        try
        {
            var board = Path.Combine(directory.FullName, "board.dts");
            File.WriteAllText(board, "/dts-v1/;\n/ {\n#ifdef __DTS__\n  kernel-style;\n#endif\n  revision = <BOARD_REV>;\n  name-string = NAME;\n};\n");
            var tree = DtsFile.Load(board, new DtsLoadOptions { Defines = ["BOARD_REV=3", "NAME=\"beagle\""] });
            Assert.NotNull(tree.Root.Property("kernel-style"));
            Assert.Equal(3u, tree.Root.Property("revision")!.Cell());
            Assert.Equal("beagle", tree.Root.Property("name-string")!.Text());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_nested_include_is_found_beside_the_including_file_from_any_working_directory()
    {
        var board = TestBoards.File("nested/board.dts");
        Assert.NotEqual(Path.GetDirectoryName(board), Environment.CurrentDirectory);
        var tree = DtsFile.Load(board, new DtsLoadOptions { SearchDirectories = [TestBoards.File("nested/lib")] });
        // parts/bus.dtsi's /include/ "uart.dtsi" is parts/uart.dtsi; "extra.dtsi" comes from the -i directory.
        Assert.NotNull(tree.FindByPath("/bus@10000000/serial@20000"));
        Assert.NotNull(tree.FindByPath("/bus@10000000/spi@30000"));
    }

    [Fact]
    public void An_include_found_nowhere_names_every_directory_looked_in()
    {
        var failure = Assert.Throws<DtsSyntaxException>(() => DtsFile.Load(TestBoards.File("nested/board.dts")));
        Assert.Contains("/include/ \"extra.dtsi\": no such file", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("nested", "parts"), failure.Message, StringComparison.Ordinal);
        Assert.Contains("-i DIR", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("bus.dtsi", failure.Location.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_of_cpp_includes_is_an_error_naming_the_cycle()
    {
        Cpp.Require();
        var failure = Assert.Throws<DtsSyntaxException>(() => DtsFile.Load(TestBoards.File("cycle/cpp-cycle.dts")));
        Assert.Contains("#include cycle: loop-a.dtsi:2 → loop-b.dtsi:3 → loop-a.dtsi again", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Length < 600, failure.Message);
    }

    [Fact]
    public void A_cycle_of_dtc_includes_is_an_error_naming_the_cycle()
    {
        var failure = Assert.Throws<DtsSyntaxException>(() => DtsFile.Load(TestBoards.File("cycle/include-cycle.dts")));
        Assert.Contains("/include/ cycle: ring-a.dtsi → ring-b.dtsi → ring-a.dtsi", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("ring-b.dtsi", failure.Location.File, StringComparison.Ordinal);
        Assert.Equal(3, failure.Location.Line);
    }

    [Fact]
    public void Runaway_nesting_of_dtc_includes_stops_at_dtcs_depth_with_the_chain()
    {
        // a0 includes a1 includes a2 …: no cycle, just too deep.
        var failure = Assert.Throws<DtsSyntaxException>(() => DtsParser.Parse("/dts-v1/;\n/include/ \"a1\"\n", "a0", (_, name) => $"/include/ \"a{int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture) + 1}\"\n"));
        Assert.Contains("nested deeper than 200 files", failure.Message, StringComparison.Ordinal);
        Assert.Contains("a0 → a1 → a2 → …", failure.Message, StringComparison.Ordinal);
    }
}
