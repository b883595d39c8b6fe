namespace DmaActors.Cli.Output;

/// <summary>
/// A table of a command's output, before it is printed: text for people (fitted to the width),
/// CSV for machines (raw values, one row per row). The same object feeds both, so they cannot
/// disagree.
/// </summary>
internal sealed class ReportTable
{
    private readonly List<IReadOnlyList<ReportCell>> _rows = [];

    /// <summary>A table named <paramref name="name"/> (what <c>--csv NAME</c> selects).</summary>
    /// <param name="name">Its name on the command line.</param>
    /// <param name="groupTitles">The title of each column group, by group number; the first is the whole table's.</param>
    /// <param name="columns">Its columns, in the order of a table that shows them all.</param>
    public ReportTable(string name, IReadOnlyList<string> groupTitles, IReadOnlyList<ReportColumn> columns)
    {
        Name = name;
        GroupTitles = groupTitles;
        Columns = columns;
    }

    public string Name { get; }

    public string Title => GroupTitles[0];

    public IReadOnlyList<string> GroupTitles { get; }

    public IReadOnlyList<ReportColumn> Columns { get; }

    public IReadOnlyList<IReadOnlyList<ReportCell>> Rows => _rows;

    public void AddRow(params ReportCell[] cells)
    {
        if (cells.Length != Columns.Count) throw new ArgumentException($"table {Name}: a row of {cells.Length} cells for {Columns.Count} columns", nameof(cells));
        _rows.Add(cells);
    }
}
