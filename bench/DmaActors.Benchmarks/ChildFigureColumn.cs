using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DmaActors.Benchmarks;

/// <summary>
/// A summary column for a figure BenchmarkDotNet does not measure itself but a benchmark's child
/// process recorded in <see cref="FootprintLog"/> (the median of what it recorded): "-" for a case
/// that recorded nothing, and the column is left out when no case in the table did.
/// </summary>
/// <param name="columnName">The column's header.</param>
/// <param name="legend">What the figure is, for the legend under the table.</param>
/// <param name="format">How the value is printed (invariant culture).</param>
/// <param name="keyOf">The key the case's figure was recorded under; null when the case records none.</param>
/// <param name="priority">Order among the custom columns.</param>
internal sealed class ChildFigureColumn(string columnName, string legend, string format, Func<BenchmarkCase, string?> keyOf, int priority = 0) : IColumn
{
    public string Id => "DmaActors." + columnName;

    public string ColumnName => columnName;

    public bool AlwaysShow => false;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => priority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Figure(benchmarkCase) is { } value ? value.ToString(format, CultureInfo.InvariantCulture) : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => Figure(benchmarkCase) is null;

    private double? Figure(BenchmarkCase benchmarkCase) => keyOf(benchmarkCase) is { } key ? FootprintLog.Median(key) : null;
}
