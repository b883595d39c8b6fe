using DmaActors.Cli.Output;

namespace DmaActors.Cli.Tests.Output;

public sealed class TextTablesTests
{
    [Fact]
    public void Parts_is_the_whole_table_when_it_fits_or_wide_is_asked()
    {
        var table = Table(columns: 12);
        Assert.Single(TextTables.Parts(table, 1000, wide: false));
        Assert.Single(TextTables.Parts(table, 40, wide: true));
    }

    [Fact]
    public void Parts_puts_the_key_in_every_part_every_other_column_in_exactly_one_and_the_compact_group_first()
    {
        var table = Table(columns: 12);
        var parts = TextTables.Parts(table, 60, wide: false);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.Equal("name", p.Columns[0].Header));
        Assert.Equal(table.Columns.Skip(1).Select(c => c.Header).Order(), parts.SelectMany(p => p.Columns.Skip(1)).Select(c => c.Header).Order());
        Assert.All(parts[0].Columns.Skip(1), c => Assert.Equal(0, c.Group));
        Assert.Equal("Things", parts[0].Title);
    }

    [Fact]
    public void Written_at_a_width_no_line_is_longer_and_no_cell_is_cut()
    {
        var table = Table(columns: 12);
        using var text = new StringWriter();
        TextTables.Write(table, Consoles.Create(text, colour: false), 60, wide: false);

        var lines = text.ToString().Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 60, line));
        Assert.All(Enumerable.Range(0, 12), i => Assert.Contains($"value-{i:D2}-long", text.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("…", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_that_cannot_fit_is_printed_whole_rather_than_cut()
    {
        var table = new ReportTable("t", ["T"], [new("name", "name", ReportColumn.Key, Numeric: false), new("figure", "figure", 0)]);
        table.AddRow(new ReportCell(new string('n', 50), "n"), new ReportCell("12,345,678", 12345678L));
        using var text = new StringWriter();
        TextTables.Write(table, Consoles.Create(text, colour: false), 30, wide: false);

        Assert.Contains(new string('n', 50), text.ToString(), StringComparison.Ordinal);
        Assert.Contains("12,345,678", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parts_splits_a_group_that_does_not_fit_into_runs_even_in_count()
    {
        // Six equal columns of which five fit beside the key: three and three, not five and one.
        var table = OneGroup(Enumerable.Repeat(8, 6));
        int fiveFit = Width(table, 5);
        var parts = TextTables.Parts(table, fiveFit, wide: false);

        Assert.Equal([3, 3], parts.Select(p => p.Columns.Count - 1));
        Assert.Equal(["T", "T, continued"], parts.Select(p => p.Title));
    }

    [Fact]
    public void Parts_splits_a_group_into_as_few_runs_as_fit_even_when_an_even_cut_does_not()
    {
        // A wide first column: the even cut (2 + 2) is too wide, but 1 + 3 fits, so two parts, not three.
        var table = OneGroup([40, 6, 6, 6]);
        int width = Math.Max(Width(table, 1), WidthOf(table, [.. table.Columns.Skip(2)]));
        var parts = TextTables.Parts(table, width, wide: false);

        Assert.Equal([1, 3], parts.Select(p => p.Columns.Count - 1));
        Assert.All(parts, p => Assert.True(WidthOf(table, [.. p.Columns.Skip(1)]) <= width));
    }

    /// <summary>A key and one group of columns whose cells are <paramref name="widths"/> characters wide.</summary>
    private static ReportTable OneGroup(IEnumerable<int> widths)
    {
        var cells = widths.Select((w, i) => new string((char)('a' + i), w)).ToList();
        var table = new ReportTable("t", ["T"], [new("name", "name", ReportColumn.Key, Numeric: false), .. cells.Select((_, i) => new ReportColumn($"c{i}", $"c{i}", 0))]);
        table.AddRow([new ReportCell("row", "row"), .. cells.Select(c => new ReportCell(c, c))]);
        return table;
    }

    /// <summary>The width of the key beside the first <paramref name="count"/> columns.</summary>
    private static int Width(ReportTable table, int count) => WidthOf(table, [.. table.Columns.Skip(1).Take(count)]);

    /// <summary>The longest line the key beside <paramref name="columns"/> prints (measured by printing the part alone).</summary>
    private static int WidthOf(ReportTable table, IReadOnlyList<ReportColumn> columns)
    {
        var part = new ReportTable(table.Name, table.GroupTitles, [table.Columns[0], .. columns]);
        var indices = part.Columns.Select(c => table.Columns.ToList().IndexOf(c)).ToList();
        foreach (var row in table.Rows) part.AddRow([.. indices.Select(i => row[i])]);
        using var text = new StringWriter();
        TextTables.Write(part, Consoles.Create(text, colour: false), 10_000, wide: true);
        return text.ToString().Split('\n').Max(line => line.TrimEnd().Length);
    }

    /// <summary>A key and <paramref name="columns"/> columns in three groups, each cell 13 characters wide.</summary>
    private static ReportTable Table(int columns)
    {
        var table = new ReportTable(
            "things",
            ["Things", "Things: more", "Things: the rest"],
            [new("name", "name", ReportColumn.Key, Numeric: false), .. Enumerable.Range(0, columns).Select(i => new ReportColumn($"column {i}", $"c{i}", i % 3))]);
        table.AddRow([new ReportCell("first", "first"), .. Enumerable.Range(0, columns).Select(i => new ReportCell($"value-{i:D2}-long", i))]);
        return table;
    }
}
