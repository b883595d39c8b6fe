using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DmaActors.Benchmarks;

/// <summary>
/// "Ratio to Akka": a <see cref="RuntimeBenchmark"/> case's mean time per operation over that of
/// the stock Akka.NET case with the same benchmark method, job and other parameters (below 1:
/// faster than stock Akka.NET; 1.00 on the stock rows themselves). BenchmarkDotNet's own Ratio
/// column takes a baseline method, not a parameter value, so it cannot say this. "-" for a case
/// of another class, or when either case has no result.
/// </summary>
internal sealed class RatioToAkkaColumn : IColumn
{
    public static RatioToAkkaColumn Instance { get; } = new();

    public string Id => "DmaActors.RatioToAkka";

    public string ColumnName => "Ratio to Akka";

    public bool AlwaysShow => false;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean time per operation over stock Akka.NET's (Runtime = StockAkka) with the same method, job and other parameters; below 1 is faster than stock Akka.NET";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Ratio(summary, benchmarkCase) is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(HasRuntime);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => !HasRuntime(benchmarkCase);

    private static double? Ratio(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (!HasRuntime(benchmarkCase)) return null;
        var baseline = summary.BenchmarksCases.FirstOrDefault(other =>
            HasRuntime(other)
            && RuntimeOf(other) == ActorRuntime.StockAkka
            && other.Descriptor.Type == benchmarkCase.Descriptor.Type
            && other.Descriptor.WorkloadMethod == benchmarkCase.Descriptor.WorkloadMethod
            && other.Job.DisplayInfo == benchmarkCase.Job.DisplayInfo
            && SameOtherParameters(other, benchmarkCase));
        if (baseline is null) return null;
        double? mine = summary[benchmarkCase]?.ResultStatistics?.Mean;
        double? theirs = summary[baseline]?.ResultStatistics?.Mean;
        return mine is { } m && theirs is { } t && t > 0 ? m / t : null;
    }

    private static bool HasRuntime(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.Any(p => p.Name == nameof(RuntimeBenchmark.Runtime) && p.Value is ActorRuntime);

    private static ActorRuntime RuntimeOf(BenchmarkCase benchmarkCase) => (ActorRuntime)benchmarkCase.Parameters[nameof(RuntimeBenchmark.Runtime)];

    private static bool SameOtherParameters(BenchmarkCase a, BenchmarkCase b) =>
        a.Parameters.Items
            .Where(p => p.Name != nameof(RuntimeBenchmark.Runtime))
            .All(p => b.Parameters.Items.Any(q => q.Name == p.Name && Equals(q.Value, p.Value)));
}
