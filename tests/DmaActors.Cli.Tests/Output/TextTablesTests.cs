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
