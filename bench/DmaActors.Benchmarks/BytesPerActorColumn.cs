using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DmaActors.Benchmarks;

/// <summary>Shows the retained bytes per actor that <see cref="SpawnBenchmarks"/> measured (median over iterations).</summary>
internal sealed class BytesPerActorColumn : IColumn
{
    public string Id => nameof(BytesPerActorColumn);

    public string ColumnName => "Retained B/actor";

    public bool AlwaysShow => false;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Heap bytes still reachable per spawned actor once its creation was handled: GC.GetTotalMemory(true) after minus before, over the actors (median of iterations)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        FootprintLog.Median(benchmarkCase.Descriptor.WorkloadMethod.Name) is { } bytes ? bytes.ToString("F0", CultureInfo.InvariantCulture) : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) =>
        FootprintLog.Median(benchmarkCase.Descriptor.WorkloadMethod.Name) is null;
}
