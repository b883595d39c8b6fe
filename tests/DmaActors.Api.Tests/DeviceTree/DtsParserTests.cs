using DmaActors.DeviceTree;

namespace DmaActors.Api.Tests.DeviceTree;

public sealed class DtsParserTests
{
    [Fact]
    public void The_seeds_edma_and_spi_nodes_parse_and_the_spi_dmas_point_at_the_edma_with_its_request_lines()
    {
        var tree = DtsParser.Parse(SeedBoard.Dts, "bone.dts");
        var edma = Assert.Single(tree.Compatible("ti,edma3-tpcc"));
        Assert.Equal("/ocp/edma@49000000", edma.Path);
        Assert.Equal(0x2du, edma.Phandle);
        Assert.Equal(2u, edma.Property("#dma-cells")!.Cell());
        Assert.Equal(64u, edma.Property("dma-requests")!.Cell());
        Assert.Equal(["edma3_ccint", "edma3_mperr", "edma3_ccerrint"], edma.Property("interrupt-names")!.Strings());

        var spi = tree.FindByLabel("spi0")!;
        Assert.Equal(["tx0", "rx0", "tx1", "rx1"], spi.Property("dma-names")!.Strings());
        // Groups of (controller phandle, request line, event queue): #dma-cells = 2.
        Assert.Equal([0x2du, 0x10, 0, 0x2d, 0x11, 0, 0x2d, 0x12, 0, 0x2d, 0x13, 0], spi.Property("dmas")!.Cells());
        Assert.Same(edma, tree.FindByPhandle(0x2d));
    }

    [Fact]
    public void A_reference_to_a_node_without_a_phandle_gets_one()
    {
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                dma: controller { #dma-cells = <1>; };
                uart { dmas = <&dma 3>; };
            };
            """);
        var controller = tree.FindByLabel("dma")!;
        Assert.Equal(1u, controller.Phandle);
        Assert.Equal([1u, 3u], tree.FindByPath("/uart")!.Property("dmas")!.Cells());
    }

    [Fact]
    public void Labels_extensions_and_deletions_apply_in_order()
    {
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                serial: uart@44e09000 { status = "disabled"; clock-frequency = <48000000>; old; };
                gone { };
            };
            &serial { status = "okay"; /delete-property/ old; };
            /delete-node/ &{/gone};
            """);
        var uart = tree.FindByPath("/uart@44e09000")!;
        Assert.Equal("okay", uart.Property("status")!.Text());
        Assert.Null(uart.Property("old"));
        Assert.Null(tree.FindByPath("/gone"));
        Assert.Equal("44e09000", uart.UnitAddress);
        Assert.Equal("uart", uart.BaseName);
    }

    [Fact]
    public void Cells_take_expressions_character_literals_and_sized_cells()
    {
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                a = <(1 << 4) (0x10 | 0x1) ((2 + 3) * 4) (-1) 'A'>;
                b = /bits/ 16 <0x1234 5>;
                c = [de ad BE EF];
                d = "one", "two";
                e = <1>, "mixed";
                path = &{/}, &target;
                target: t { };
            };
            """);
        var root = tree.Root;
        Assert.Equal([16u, 17u, 20u, 0xFFFF_FFFFu, 65u], root.Property("a")!.Cells());
        Assert.Equal([0x12, 0x34, 0x00, 0x05], root.Property("b")!.Value);
        Assert.Equal([0xde, 0xad, 0xbe, 0xef], root.Property("c")!.Value);
        Assert.Equal(["one", "two"], root.Property("d")!.Strings());
        Assert.Equal("/\0/t\0"u8.ToArray(), root.Property("path")!.Value);
    }

    [Theory]
    [InlineData("/dts-v1/;\n/ {\n  a = <1 2;\n};", 3, "expected a number, '(expression)' or '&label' in a cell list")]
    [InlineData("/dts-v1/;\n/ {\n  node {\n    x = <1>\n  };\n};", 5, "expected ',' or ';' after a property value")]
    [InlineData("/dts-v1/;\n/ {\n  d = <&missing>;\n};", 3, "no node is labelled 'missing'")]
    [InlineData("/dts-v1/;\n/ {\n  s = \"open;\n};", 3, "unterminated string")]
    [InlineData("/dts-v1/;\n/ {\n  n { };\n", 4, "expected '}' to close node /")]
    public void Errors_give_file_line_column_and_what_was_expected(string source, int line, string expected)
    {
        var failure = Assert.Throws<DtsSyntaxException>(() => DtsParser.Parse(source, "board.dts"));
        Assert.Equal("board.dts", failure.Location.File);
        Assert.Equal(line, failure.Location.Line);
        Assert.True(failure.Location.Column > 0);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.StartsWith($"board.dts:{line}:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_directive_splices_another_file_and_errors_point_into_it()
    {
        var files = new Dictionary<string, string>
        {
            ["soc.dtsi"] = "/ { soc { compatible = \"simple-bus\"; }; };\n",
            ["bad.dtsi"] = "/ {\n  broken = <;\n};\n",
        };
        string Read(string includer, string name) => files[name];
        var tree = DtsParser.Parse("/dts-v1/;\n/include/ \"soc.dtsi\"\n/ { model = \"x\"; };", "board.dts", Read);
        Assert.True(tree.FindByPath("/soc")!.IsCompatible("simple-bus"));

        var failure = Assert.Throws<DtsSyntaxException>(() => DtsParser.Parse("/dts-v1/;\n/include/ \"bad.dtsi\"\n", "board.dts", Read));
        Assert.Equal(("bad.dtsi", 2), (failure.Location.File, failure.Location.Line));
    }

    [Fact]
    public void A_dtb_round_trip_keeps_every_node_property_and_phandle()
    {
        var tree = DtsParser.Parse(SeedBoard.Dts, "bone.dts");
        var blob = DtbWriter.Write(tree);
        Assert.Equal(0xd0, blob[0]);
        var read = DtbReader.Read(blob, "bone.dtb");
        Assert.Equal(tree.Nodes.Select(n => n.Path), read.Nodes.Select(n => n.Path));
        foreach (var node in tree.Nodes)
        {
            var twin = read.FindByPath(node.Path)!;
            Assert.Equal(node.Properties.Select(p => (p.Name, Convert.ToHexString(p.Value))), twin.Properties.Select(p => (p.Name, Convert.ToHexString(p.Value))));
        }
        Assert.Equal([0x2du, 0x10, 0, 0x2d, 0x11, 0, 0x2d, 0x12, 0, 0x2d, 0x13, 0], read.FindByPath("/ocp/spi@48030000")!.Property("dmas")!.Cells());
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "a DTB header is 40 bytes")]
    [InlineData(new byte[] { 0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 17, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, "bad magic 0xdeadbeef")]
    public void A_malformed_dtb_is_refused_with_the_field_that_is_wrong(byte[] blob, string expected)
    {
        var failure = Assert.Throws<DtsSyntaxException>(() => DtbReader.Read(blob, "x.dtb"));
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_board_file_with_cpp_includes_and_macros_is_preprocessed_like_the_kernel_build()
    {
        var directory = Directory.CreateTempSubdirectory("dts");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "dma.h"), "#define EDMA_EVENT_SPI0_TX 16\n#define EDMA_QUEUE(q) (q)\n");
            var board = Path.Combine(directory.FullName, "board.dts");
            File.WriteAllText(board, "/dts-v1/;\n#include \"dma.h\"\n/ {\n  edma: dma { #dma-cells = <2>; };\n  spi { dmas = <&edma EDMA_EVENT_SPI0_TX EDMA_QUEUE(1)>;\n    broken = <;\n  };\n};\n");
            Assert.True(DtsFile.NeedsPreprocessor(File.ReadAllText(board)));
            if (!CppIsInstalled())
            {
                var missing = Assert.Throws<DtsSyntaxException>(() => DtsFile.Load(board));
                Assert.Contains("'cpp' is not installed", missing.Message, StringComparison.Ordinal);
                return;
            }
            var failure = Assert.Throws<DtsSyntaxException>(() => DtsFile.Load(board));
            // cpp's line markers map the error back to the original file and line.
            Assert.Equal(("board.dts", 6), (Path.GetFileName(failure.Location.File), failure.Location.Line));
            File.WriteAllText(board, File.ReadAllText(board).Replace("    broken = <;\n", "", StringComparison.Ordinal));
            var tree = DtsFile.Load(board);
            Assert.Equal([1u, 16u, 1u], tree.FindByPath("/spi")!.Property("dmas")!.Cells());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool CppIsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "cpp")));
}
