using DmaActors.Cli.Output;

namespace DmaActors.Cli.Tests.Output;

public sealed class CsvTableTests
{
    [Fact]
    public void Write_quotes_fields_with_commas_quotes_or_line_breaks_and_writes_raw_invariant_values()
    {
        var table = new ReportTable("t", ["T"], [new("name", "name", ReportColumn.Key, Numeric: false), new("MB/s", "bytes_per_second", 0), new("n", "count", 0), new("share", "share", 0)]);
        table.AddRow(new ReportCell("a, \"b\"\nc", "a, \"b\"\nc"), new ReportCell("1.250", 1249280.5), new ReportCell("1,000", 1000L), new ReportCell("-", null));
        using var text = new StringWriter();
        CsvTable.Write(table, text);

        Assert.Equal("name,bytes_per_second,count,share\n\"a, \"\"b\"\"\nc\",1249280.5,1000,\n", text.ToString());
        var row = Assert.Single(Csv.Parse(text.ToString()));
        Assert.Equal("a, \"b\"\nc", row["name"]);
    }
}
