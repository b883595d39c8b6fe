namespace DmaActors.Cli.Output;

/// <summary>A column of a <see cref="ReportTable"/>.</summary>
/// <param name="Header">Its heading in a text table, with units (<c>p99 µs</c>).</param>
/// <param name="CsvName">Its name in CSV (<c>latency_p99_us</c>).</param>
/// <param name="Group">
/// Which of the table's groups it belongs to: a text table narrower than all its columns prints
/// group by group, each beside the key columns. <see cref="Key"/> (-1) marks a key column, printed
/// in every part; group 0 is the compact set printed first.
/// </param>
/// <param name="Numeric">Right-aligned (figures) rather than left-aligned (names).</param>
internal sealed record ReportColumn(string Header, string CsvName, int Group, bool Numeric = true)
{
    /// <summary>The <see cref="Group"/> of a key column.</summary>
    public const int Key = -1;

    /// <summary>Whether the column names the row (printed in every part of a split table).</summary>
    public bool IsKey => Group == Key;
}
