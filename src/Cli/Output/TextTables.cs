using Spectre.Console;

namespace DmaActors.Cli.Output;

/// <summary>
/// Prints a <see cref="ReportTable"/> as text that fits a width without cutting or wrapping a cell:
/// the whole table when it fits (or with <c>--wide</c>); otherwise its key columns beside one
/// column group after another (group 0, the compact set, first), merging groups that fit together
/// and splitting a group that alone does not. Every figure is printed either way.
/// </summary>
internal static class TextTables
{
    public static void Write(ReportTable table, IAnsiConsole console, int width, bool wide)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(console);
        foreach (var (title, columns) in Parts(table, width, wide))
        {
            var rendered = Build(table, title, columns);
            // A part wider than the width (only when a key and one column cannot fit) is printed
            // whole: a longer line is better than a cut figure.
            console.Profile.Width = wide ? WidthOf(rendered) : Math.Max(width, WidthOf(rendered));
            console.Write(rendered);
        }
    }

    /// <summary>The parts the table prints as at <paramref name="width"/>: a title and the columns of each.</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<ReportColumn> Columns)> Parts(ReportTable table, int width, bool wide)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (wide || Fits(table, table.Columns, width)) return [(table.Title, table.Columns)];
        var parts = new List<(string Title, IReadOnlyList<ReportColumn> Columns)>();
        var current = new List<ReportColumn>();
        string title = table.Title;
        void Flush()
        {
            if (current.Count > 0) parts.Add((title, WithKeys(table, current)));
            current = [];
        }
        foreach (var group in table.Columns.Where(c => !c.IsKey).GroupBy(c => c.Group).OrderBy(g => g.Key))
        {
            if (current.Count > 0 && Fits(table, WithKeys(table, [.. current, .. group]), width))
            {
                current.AddRange(group);
                continue;
            }
            Flush();
            title = table.GroupTitles[Math.Min(group.Key, table.GroupTitles.Count - 1)];
            var pieces = Balanced(table, [.. group], width);
            for (int i = 0; i < pieces.Count; i++)
            {
                if (i > 0)
                {
                    Flush();
                    title = title.EndsWith(", continued", StringComparison.Ordinal) ? title : title + ", continued";
                }
                current.AddRange(pieces[i]);
            }
        }
        Flush();
        return parts;
    }

    /// <summary>
    /// <paramref name="group"/> cut into as few runs of neighbouring columns as fit beside the keys,
    /// and of those cuts the one whose runs are most even in count (a group of six that needs two
    /// parts prints three and three, not five and one; of equal cuts, the longer runs first). A
    /// column too wide to fit beside the keys alone is a run of its own.
    /// </summary>
    private static List<List<ReportColumn>> Balanced(ReportTable table, List<ReportColumn> group, int width)
    {
        int n = group.Count;
        // Each run [from, to) is rendered and measured once: a group has a handful of columns, so
        // this is at most n(n+1)/2 measurements, and the search below only reads them.
        var measured = new Dictionary<(int From, int To), bool>();
        bool RunFits(int from, int to)
        {
            if (to - from == 1) return true;
            if (!measured.TryGetValue((from, to), out bool fits))
            {
                fits = Fits(table, WithKeys(table, group.GetRange(from, to - from)), width);
                measured[(from, to)] = fits;
            }
            return fits;
        }

        // The fewest runs, by taking the longest run that fits from the left: a run that fits still
        // fits when shortened, so no cut needs fewer.
        int fewest = 0;
        for (int from = 0; from < n; fewest++)
        {
            int to = from + 1;
            while (to < n && RunFits(from, to + 1)) to++;
            from = to;
        }

        List<int>? best = null;
        int bestSpread = int.MaxValue;
        void Search(int from, List<int> lengths)
        {
            if (lengths.Count == fewest - 1)
            {
                if (!RunFits(from, n)) return;
                List<int> cut = [.. lengths, n - from];
                int spread = cut.Max() - cut.Min();
                if (spread < bestSpread) (best, bestSpread) = (cut, spread);
                return;
            }
            int runsLeft = fewest - lengths.Count;
            for (int length = n - from - (runsLeft - 1); length >= 1; length--)
            {
                if (!RunFits(from, from + length)) continue;
                lengths.Add(length);
                Search(from + length, lengths);
                lengths.RemoveAt(lengths.Count - 1);
            }
        }
        Search(0, []);

        var runs = new List<List<ReportColumn>>();
        int at = 0;
        foreach (int length in best!)
        {
            runs.Add(group.GetRange(at, length));
            at += length;
        }
        return runs;
    }

    private static List<ReportColumn> WithKeys(ReportTable table, IReadOnlyCollection<ReportColumn> chosen) =>
        [.. table.Columns.Where(c => c.IsKey || chosen.Contains(c))];

    private static bool Fits(ReportTable table, IReadOnlyList<ReportColumn> columns, int width) => WidthOf(Build(table, table.Title, columns)) <= width;

    private static Table Build(ReportTable table, string title, IReadOnlyList<ReportColumn> columns)
    {
        var indices = columns.Select(c => IndexOf(table, c)).ToList();
        var built = new Table().Title(title).Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            var header = new TableColumn(new Text(column.Header)).NoWrap();
            built.AddColumn(column.Numeric ? header.RightAligned() : header.LeftAligned());
        }
        foreach (var row in table.Rows)
        {
            built.AddRow(indices.Select(i => new Text(row[i].Text, Consoles.StyleOf(row[i].Tone))).ToArray());
        }
        return built;
    }

    private static int IndexOf(ReportTable table, ReportColumn column)
    {
        for (int i = 0; i < table.Columns.Count; i++)
        {
            if (ReferenceEquals(table.Columns[i], column)) return i;
        }
        throw new ArgumentException($"column {column.Header} is not in table {table.Name}", nameof(column));
    }

    /// <summary>The table's natural width: the longest line it prints when nothing limits it.</summary>
    private static int WidthOf(Table table)
    {
        using var scratch = new StringWriter();
        var console = Consoles.Create(scratch, colour: false);
        console.Profile.Width = 4096;
        console.Write(table);
        return scratch.ToString().Split('\n').Max(line => line.TrimEnd('\r').TrimEnd().Length);
    }
}
