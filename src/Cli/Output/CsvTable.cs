using System.Globalization;

namespace DmaActors.Cli.Output;

/// <summary>
/// Writes a <see cref="ReportTable"/> as CSV: a header row of the columns' CSV names, then a row per
/// row of raw values (unrounded; numbers in the invariant culture, doubles round-trippable), fields
/// quoted when they hold a comma, a quote or a line break.
/// </summary>
internal static class CsvTable
{
    public static void Write(ReportTable table, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(string.Join(',', table.Columns.Select(c => Field(c.CsvName))) + "\n");
        foreach (var row in table.Rows)
        {
            output.Write(string.Join(',', row.Select(cell => Field(Raw(cell.Value)))) + "\n");
        }
    }

    private static string Raw(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
