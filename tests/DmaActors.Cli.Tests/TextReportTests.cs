using System.Globalization;
using System.Text.Json;

namespace DmaActors.Cli.Tests;

/// <summary>
/// The demo's report as people read it: in a pipe or a file (80 columns, no escape codes), in a
/// terminal of some width (fitted, coloured unless told not to), and with <c>--wide</c>.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class TextReportTests
{
    private static readonly string[] Demo = ["demo", "--seed", "1", "--ms", "5"];

    private static readonly string[] ChannelHeaders =
        ["stream", "channel", "kind", "controller", "bytes", "transfers", "MB/s", "demand MB/s", "of demand", "p50 µs", "p99 µs", "max µs", "underruns", "overruns", "errors", "data"];

    [Fact]
    public void Redirected_the_demo_report_fits_80_columns_with_no_escape_code_and_every_figure_of_the_json()
    {
        var (code, text, errors) = CliRunner.Run(Demo);
        Assert.True(code == 0, errors);
        var (_, json, _) = CliRunner.Run([.. Demo, "--json"]);

        var lines = text.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(json);
        var root = report.RootElement;
        Assert.Contains($"({F(root.GetProperty("RunNanoseconds").GetInt64() / 1e6, 1)} ms of virtual time)", text, StringComparison.Ordinal);
        // Every figure of every stream is in one of that stream's rows (each part of a split
        // table repeats the stream's name). BytesPerBucket is the plot's series, not a table's.
        foreach (var s in root.GetProperty("Streams").EnumerateArray())
        {
            string name = s.GetProperty("Name").GetString()!;
            var cells = CellsOfRows(lines, name);
            Assert.NotEmpty(cells);
            string[] expected =
            [
                s.GetProperty("Channel").GetString()!, s.GetProperty("Controller").GetString()!, s.GetProperty("Kind").GetString()!.ToLowerInvariant(),
                N(s.GetProperty("Bytes").GetInt64()), N(s.GetProperty("Transfers").GetInt64()),
                F(s.GetProperty("BytesPerSecond").GetDouble() / 1e6, 3), F(s.GetProperty("DemandBytesPerSecond").GetDouble() / 1e6, 3),
                F(s.GetProperty("LatencyP50Microseconds").GetDouble(), 1), F(s.GetProperty("LatencyP99Microseconds").GetDouble(), 1), F(s.GetProperty("LatencyMaxMicroseconds").GetDouble(), 1),
                N(s.GetProperty("Underruns").GetInt64()), N(s.GetProperty("Overruns").GetInt64()), N(s.GetProperty("Errors").GetInt64()),
                s.GetProperty("Mismatches").GetInt64() == 0 ? "ok" : $"{N(s.GetProperty("Mismatches").GetInt64())} bad",
            ];
            Assert.All(expected, figure => Assert.True(cells.Contains(figure), $"{name}: '{figure}' not among {string.Join(" | ", cells)}"));
        }
        foreach (var c in root.GetProperty("Controllers").EnumerateArray())
        {
            var cells = CellsOfRows(lines, c.GetProperty("Name").GetString()!);
            Assert.Contains(N(c.GetProperty("Streams").GetInt32()), cells);
            Assert.Contains(F(c.GetProperty("JainFairness").GetDouble(), 3), cells);
            Assert.Contains(c.GetProperty("BusUtilisation").GetDouble().ToString("P1", CultureInfo.InvariantCulture), cells);
        }
        Assert.Contains("all data verified", text, StringComparison.Ordinal);
    }

    [Fact]
    public void At_80_columns_the_first_table_is_the_compact_set_and_the_rest_follow_beside_the_stream_name()
    {
        var (_, text, _) = CliRunner.Run(Demo);
        var headers = HeaderRows(text);
        Assert.True(headers.Count > 1, "the channel table is split at 80 columns");
        Assert.Equal(["stream", "channel", "MB/s", "of demand", "p99 µs", "data"], headers[0]);
        Assert.All(headers.Where(h => h[0] == "stream"), h => Assert.Equal("stream", h[0]));
        // Every column is printed once, in one part or another.
        Assert.Equal(ChannelHeaders.Order(), headers.Where(h => h[0] == "stream").SelectMany(h => h.Skip(1)).Prepend("stream").Order());
    }

    [Fact]
    public void Wide_prints_every_column_in_one_table_with_a_row_per_stream()
    {
        var (code, text, errors) = CliRunner.Run([.. Demo, "--wide"]);
        Assert.True(code == 0, errors);
        var headers = HeaderRows(text).Where(h => h[0] == "stream").ToList();
        Assert.Equal(ChannelHeaders, Assert.Single(headers));
        Assert.Single(text.Split('\n'), line => line.StartsWith("│ spi0 tx ", StringComparison.Ordinal));
        Assert.Contains(text.Split('\n'), line => line.Length > 80);
    }

    [Fact]
    public void A_terminal_wide_enough_gets_one_table_and_a_narrower_one_gets_parts_that_fit()
    {
        var (_, wide, _) = CliRunner.Run(CliSetup.Terminal(220, new Dictionary<string, string> { ["NO_COLOR"] = "1" }), Demo);
        Assert.Equal(ChannelHeaders, Assert.Single(HeaderRows(wide), h => h[0] == "stream"));

        var (_, narrower, _) = CliRunner.Run(CliSetup.Terminal(120, new Dictionary<string, string> { ["NO_COLOR"] = "1" }), Demo);
        Assert.True(HeaderRows(narrower).Count(h => h[0] == "stream") > 1);
        Assert.All(narrower.Split('\n'), line => Assert.True(line.Length <= 120, line));
    }

    [Fact]
    public void COLUMNS_sets_a_terminals_width_but_not_a_pipes()
    {
        var columns = new Dictionary<string, string> { ["COLUMNS"] = "220", ["NO_COLOR"] = "1" };
        var (_, terminal, _) = CliRunner.Run(CliSetup.Terminal(80, columns), Demo);
        Assert.Single(HeaderRows(terminal), h => h[0] == "stream");

        var (_, piped, _) = CliRunner.Run(CliSetup.Redirected with { Variables = columns }, Demo);
        Assert.All(piped.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }

    [Fact]
    public void A_terminal_gets_colour_unless_NO_COLOR_is_set_or_no_color_is_given()
    {
        var (_, coloured, _) = CliRunner.Run(CliSetup.Terminal(200), Demo);
        Assert.Contains('\u001b', coloured);

        // Compared byte for byte: without the wall time, the one figure that differs run to run.
        var (_, noColourVariable, _) = CliRunner.Run(CliSetup.Terminal(200, new Dictionary<string, string> { ["NO_COLOR"] = "1" }), [.. Demo, "--no-wall-time"]);
        Assert.DoesNotContain('\u001b', noColourVariable);

        var (_, noColourOption, _) = CliRunner.Run(CliSetup.Terminal(200), [.. Demo, "--no-color", "--no-wall-time"]);
        Assert.DoesNotContain('\u001b', noColourOption);
        Assert.Equal(noColourVariable, noColourOption);
    }

    [Fact]
    public void Progress_goes_to_stderr_only_when_stderr_is_a_terminal_and_never_to_stdout()
    {
        var (_, output, errors) = CliRunner.Run(CliSetup.Redirected, [.. Demo, "--json"]);
        Assert.Equal("", errors);
        Assert.StartsWith("{", output, StringComparison.Ordinal);

        var (_, terminalOutput, terminalErrors) = CliRunner.Run(new CliSetup(OutIsTerminal: false, ErrorIsTerminal: true, Width: 80), [.. Demo, "--json"]);
        Assert.Contains("simulating", terminalErrors, StringComparison.Ordinal);
        Assert.StartsWith("{", terminalOutput, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(terminalOutput);
    }

    /// <summary>The cells of every row that starts with <paramref name="key"/>, across all tables.</summary>
    private static HashSet<string> CellsOfRows(IEnumerable<string> lines, string key) =>
        [.. lines.Select(Cells).Where(cells => cells.Count > 0 && cells[0] == key).SelectMany(cells => cells)];

    /// <summary>The header rows of the text's tables: the row above each ├ rule.</summary>
    private static List<List<string>> HeaderRows(string text)
    {
        var lines = text.Split('\n');
        return [.. lines.Select((line, i) => (line, i)).Where(x => x.line.StartsWith('├')).Select(x => Cells(lines[x.i - 1]))];
    }

    private static List<string> Cells(string line) =>
        line.StartsWith('│') ? [.. line.Trim().Trim('│').Split('│').Select(cell => cell.Trim())] : [];

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
