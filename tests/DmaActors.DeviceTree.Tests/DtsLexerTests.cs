namespace DmaActors.DeviceTree.Tests;

/// <summary>Literals that end too soon or hold bad escapes (issue 13): located refusals, never an index or format exception.</summary>
public sealed class DtsLexerTests
{
    [Theory]
    [InlineData("/dts-v1/;\n/ { a = <'", "unterminated character literal")]
    [InlineData("/dts-v1/;\n/ { a = <'\\", "unterminated character literal: a '\\' ends the file")]
    [InlineData("/dts-v1/;\n/ { a = \"abc\\", "unterminated string: a '\\' ends the file")]
    [InlineData("/dts-v1/;\n/ { a = \"abc", "unterminated string: expected \" before the end of the file")]
    [InlineData("/dts-v1/;\n/ { a = \"\\xZZ\"; };", "'\\x' in a string needs one or two hex digits")]
    [InlineData("/dts-v1/;\n/ { a = <'\\x'>; };", "'\\x' in a character literal needs one or two hex digits")]
    [InlineData("/dts-v1/;\n/ { a = <''>; };", "empty character literal")]
    [InlineData("/dts-v1/;\n/ { a = <'ab'>; };", "a character literal is one byte; this one has 2")]
    [InlineData("/dts-v1/;\n/ { a = <'é'>; };", "a character literal is one byte; this one has 2")]
    [InlineData("/dts-v1/;\n/ { a = <0x1ffffffffffffffff>; };", "is not a number")]
    [InlineData("/dts-v1/;\n/ { a = <(0x1ffffffffffffffff)>; };", "is not a number (C integer syntax, at most 64 bits)")]
    [InlineData("/dts-v1/;\n/ { a = <1>; /* open", "unterminated comment")]
    public void A_literal_cut_short_or_badly_escaped_is_refused_where_it_starts(string source, string rule) =>
        Refusal.OfSource(source, 2, rule);

    [Fact]
    public void Escapes_are_dtcs_and_give_bytes_not_utf16_characters()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ { s = \"\\a\\b\\t\\n\\v\\f\\r\\q\\\\\\\"\\012\\x4\\xff\\0é\"; c = <'\\x41' '\\'' '\\377'>; };");
        Assert.Equal([7, 8, 9, 10, 11, 12, 13, (byte)'q', (byte)'\\', (byte)'"', 10, 4, 0xff, 0, 0xc3, 0xa9, 0], tree.Root.Property("s")!.Value);
        Assert.Equal([0x41u, 0x27u, 0xffu], tree.Root.Property("c")!.Cells());
    }

    [Fact]
    public void An_expression_with_a_name_character_that_is_no_c_identifier_is_refused_not_looped_on()
    {
        // '#' starts a name outside expressions; inside, it once lexed as an empty word forever.
        Refusal.OfSource("/dts-v1/;\n/ { a = <(#)>; };", 2, "expected a number in an expression but found '#'");
    }

    [Fact]
    public void A_property_starting_with_hash_in_column_one_is_a_property_and_cpp_directives_still_need_cpp()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ {\n#address-cells = <1>;\n#interrupt-cells = <2>;\n};\n");
        Assert.Equal(2u, tree.Root.Property("#interrupt-cells")!.Cell());
        Assert.False(DtsFile.NeedsPreprocessor("/ {\n#interrupt-cells = <2>;\n};"));
        Assert.True(DtsFile.NeedsPreprocessor("# if 1\n"));
        Refusal.OfSource("/dts-v1/;\n#ifdef X\n", 2, "'#ifdef' needs the C preprocessor");
    }

    [Fact]
    public void Line_markers_rename_the_lines_after_them_and_a_broken_one_is_refused()
    {
        var failure = Assert.Throws<DtsSyntaxException>(() => DtsParser.Parse("/dts-v1/;\n# 40 \"soc.dtsi\" 1\n/ { a = <; };\n", "board.dts"));
        Assert.Equal(("soc.dtsi", 40), (failure.Location.File, failure.Location.Line));
        Refusal.OfSource("/dts-v1/;\n# 99999999999 \"x\"\n", 2, "malformed line marker");
        Refusal.OfSource("/dts-v1/;\n# 3 \"x\n", 2, "malformed line marker: the file name has no closing");
    }
}
