namespace DmaActors.DeviceTree.Tests;

/// <summary>Asserts that bad input is refused the project's way: a <see cref="DtsSyntaxException"/> with a location and the rule.</summary>
internal static class Refusal
{
    /// <summary>Parses <paramref name="source"/> as <c>board.dts</c> and expects a refusal at <paramref name="line"/> whose message contains <paramref name="rule"/>.</summary>
    public static DtsSyntaxException OfSource(string source, int line, string rule, Func<string, string, string>? readInclude = null)
    {
        var failure = Assert.Throws<DtsSyntaxException>(() => DtsParser.Parse(source, "board.dts", readInclude));
        Assert.Contains(rule, failure.Message, StringComparison.Ordinal);
        Assert.Equal(line, failure.Location.Line);
        Assert.True(failure.Location.Column > 0, failure.Message);
        Assert.StartsWith($"{failure.Location.File}:{line}:{failure.Location.Column}: ", failure.Message, StringComparison.Ordinal);
        return failure;
    }

    /// <summary>Reads <paramref name="blob"/> as <c>board.dtb</c> and expects a refusal whose message contains <paramref name="rule"/>, located by byte offset.</summary>
    public static DtsSyntaxException OfBlob(byte[] blob, string rule)
    {
        var failure = Assert.Throws<DtsSyntaxException>(() => DtbReader.Read(blob, "board.dtb"));
        Assert.Contains(rule, failure.Message, StringComparison.Ordinal);
        Assert.Equal(("board.dtb", 0), (failure.Location.File, failure.Location.Line));
        Assert.StartsWith($"board.dtb: byte 0x{failure.Location.Column:x}: ", failure.Message, StringComparison.Ordinal);
        return failure;
    }
}
