using System.Text;

namespace DmaActors.DeviceTree.Tests;

/// <summary>
/// Input that once overflowed the stack, hung or was accepted against dtc's rules (issue 13):
/// each is refused with file:line:column and the rule, or read within a stated limit.
/// </summary>
public sealed class DtsParserLimitsTests
{
    private const int Huge = 100_000;

    [Fact]
    public void Nodes_nested_past_linuxs_fdt_max_depth_are_refused_at_the_first_too_deep_one()
    {
        var deep = new StringBuilder("/dts-v1/;\n/ {\n");
        for (int i = 0; i < Huge; i++) deep.Append("n {\n");
        var failure = Refusal.OfSource(deep.ToString(), 3 + 63, "nested 64 levels deep: at most 63 levels below the root (Linux's FDT_MAX_DEPTH");
        Assert.Contains("'n' in /n/n/", failure.Message, StringComparison.Ordinal);

        var deepest = new StringBuilder("/dts-v1/;\n/ {");
        for (int i = 0; i < 63; i++) deepest.Append(" n {");
        for (int i = 0; i < 63; i++) deepest.Append(" };");
        deepest.Append(" };");
        Assert.Equal(64, DtsParser.Parse(deepest.ToString()).Nodes.Count());
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("~", "")]
    [InlineData("-", "")]
    [InlineData("!", "")]
    [InlineData("(~", ")")]
    public void An_expression_nested_100000_deep_is_evaluated_without_recursion(string open, string close)
    {
        var source = $"/dts-v1/;\n/ {{ a = <({string.Concat(Enumerable.Repeat(open, Huge))}5{string.Concat(Enumerable.Repeat(close, Huge))})>; }};";
        // The answer is beside the point: that it comes, with no stack overflow, is the test.
        Assert.Single(DtsParser.Parse(source).Root.Property("a")!.Cells());
    }

    [Fact]
    public void An_expression_nested_100000_deep_and_never_closed_is_refused_at_the_end()
    {
        var source = $"/dts-v1/;\n/ {{ a = <{new string('(', Huge)}1 >; }};";
        // '>' is an operator inside an expression, so the ';' after it is where a number was due.
        Refusal.OfSource(source, 2, "expected a number in an expression but found ';'");
    }

    [Theory]
    [InlineData("(1 ? 2 : 3)", 2u)]
    [InlineData("(0 ? 2 : 3)", 3u)]
    [InlineData("(0 ? 1 : 0 ? 2 : 3)", 3u)]
    [InlineData("(1 ? 0 ? 4 : 5 : 6)", 5u)]
    [InlineData("(1 + 2 * 3 - 4 / 2)", 5u)]
    [InlineData("(-2 * 3 + 7)", 1u)]
    [InlineData("(~0 >> 60 << 1)", 30u)]
    [InlineData("(1 << 64)", 0u)]
    [InlineData("(2 - 3 - 4)", 0xFFFF_FFFBu)]
    [InlineData("(1 == 1 && 2 != 3 || 0)", 1u)]
    [InlineData("((((7))))", 7u)]
    public void Expressions_follow_cs_precedence_and_dtcs_conditional(string expression, uint value) =>
        Assert.Equal(value, DtsParser.Parse($"/dts-v1/;\n/ {{ a = <{expression}>; }};").Root.Property("a")!.Cell());

    [Theory]
    [InlineData("(1 ? 2)", "'?' without its ':'")]
    [InlineData("(1 : 2)", "':' without a '?'")]
    [InlineData("(1 / 0)", "division by zero")]
    [InlineData("(1 +)", "expected a number in an expression but found ')'")]
    [InlineData("(1 2)", "expected an operator or ')'")]
    public void A_malformed_expression_is_refused(string expression, string rule) =>
        Refusal.OfSource($"/dts-v1/;\n/ {{ a = <{expression}>; }};", 2, rule);

    [Theory]
    [InlineData("<0x100000000>", "value 0x100000000 does not fit a 32-bit cell")]
    [InlineData("/bits/ 8 <0x1ff>", "does not fit a 8-bit cell")]
    [InlineData("/bits/ 16 <(-1) 0x10000>", "value 0x10000 does not fit a 16-bit cell")]
    public void A_cell_value_too_wide_for_its_cell_is_refused_as_dtc_refuses_it(string value, string rule) =>
        Refusal.OfSource($"/dts-v1/;\n/ {{ a = {value}; }};", 2, rule);

    [Fact]
    public void A_file_that_includes_itself_is_a_cycle()
    {
        var failure = Refusal.OfSource("/dts-v1/;\n/include/ \"board.dts\"\n", 2, "/include/ cycle: board.dts → board.dts", (_, _) => "/dts-v1/;\n/include/ \"board.dts\"\n");
        Assert.True(failure.Message.Length < 400, failure.Message);
    }

    [Fact]
    public void A_file_on_disk_that_includes_itself_is_a_cycle_and_a_directory_is_no_include()
    {
        var directory = Directory.CreateTempSubdirectory("dts-self");
        try
        {
            var board = Path.Combine(directory.FullName, "self.dts");
            File.WriteAllText(board, "/dts-v1/;\n/include/ \"self.dts\"\n/ { };\n");
            var cycle = Assert.Throws<DtsSyntaxException>(() => DtsFile.Load(board));
            Assert.Contains("/include/ cycle: self.dts → self.dts", cycle.Message, StringComparison.Ordinal);
            Assert.Equal((board, 2), (cycle.Location.File, cycle.Location.Line));

            Directory.CreateDirectory(Path.Combine(directory.FullName, "parts"));
            File.WriteAllText(board, "/dts-v1/;\n\n/include/ \"parts\"\n");
            var folder = Assert.Throws<DtsSyntaxException>(() => DtsFile.Load(board));
            Assert.Contains("is a directory, not a file", folder.Message, StringComparison.Ordinal);
            Assert.Equal(3, folder.Location.Line);

            var itself = Assert.Throws<DtsSyntaxException>(() => DtsFile.Load(directory.FullName));
            Assert.Contains("is a directory, not a file", itself.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Files_that_include_each_other_twice_over_stop_at_the_include_count_limit()
    {
        // a0 includes a1 twice, a1 includes a2 twice, … 2^30 inclusions without the limit.
        static string Level(string name) => name == "a30" ? "" : $"/include/ \"a{int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture) + 1}\"\n/include/ \"a{int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture) + 1}\"\n";
        var failure = Assert.Throws<DtsSyntaxException>(() => DtsParser.Parse("/dts-v1/;\n/include/ \"a1\"\n", "a0", (_, name) => Level(name)));
        Assert.Contains("more than 10000 /include/s in one parse", failure.Message, StringComparison.Ordinal);
        Assert.Matches("^a[0-9]+:[12]:", failure.Message);
    }
}
