using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Running;
using DmaActors.Boards.Workloads;

namespace DmaActors.Benchmarks;

/// <summary>
/// What an <see cref="ArbitrationBenchmarks"/> case simulated, next to what it cost: total MB/s,
/// Jain's fairness among the memcpy channels and the fraction of time the bus was busy, as
/// <c>dmactors bench arbitration</c> prints them. The child records them once per case in
/// <see cref="FootprintLog"/> (and prints them into the log as <c>// DmaActors arbitration: ...</c>);
/// <see cref="Columns"/> shows them in the summary. The runs are deterministic (seed 1), so every
/// invocation of a case simulates the same figures.
/// </summary>
internal static class ArbitrationFigures
{
    private static readonly Figure[] Figures =
    [
        new("Sim MB/s", "Simulated bandwidth of all streams in the run, MB/s (as `dmactors bench arbitration` prints it)", "F1", p => p.TotalMegabytesPerSecond),
        new("Sim Jain", "Simulated Jain's fairness index among the bulk memcpy channels (1: even shares; 1 also when none moved a byte)", "F3", p => p.Fairness),
        new("Sim bus busy", "Simulated fraction of the run the controller's bus was busy", "P0", p => p.BusBusy),
    ];

    /// <summary>One summary column per figure; shown only in tables with arbitration cases.</summary>
    public static IReadOnlyList<IColumn> Columns { get; } =
        [.. Figures.Select((figure, i) => new ChildFigureColumn(figure.Name, figure.Legend, figure.Format, c => KeyOf(c, figure), i + 1))];

    /// <summary>Child side: records (and prints) what <paramref name="point"/> simulated.</summary>
    public static void Record(ArbitrationPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// DmaActors arbitration: {point.Policy}, {point.VirtualChannels} virtual on {point.PhysicalChannels} physical, {point.Report.RunNanoseconds / 1000.0:F0} µs simulated: {point.TotalMegabytesPerSecond:F1} MB/s, Jain {point.Fairness:F3}, bus busy {point.BusBusy:P0}, UART p99 {point.UartP99Microseconds:F1} µs, audio underruns {point.AudioUnderruns}"));
        foreach (var figure in Figures)
        {
            FootprintLog.Append(Key(figure, point.Policy, point.VirtualChannels, point.PhysicalChannels), figure.Of(point));
        }
    }

    private static string? KeyOf(BenchmarkCase benchmarkCase, Figure figure)
    {
        if (benchmarkCase.Descriptor.Type != typeof(ArbitrationBenchmarks)) return null;
        var parameters = benchmarkCase.Parameters;
        return Key(figure, (string)parameters[nameof(ArbitrationBenchmarks.Policy)], (int)parameters[nameof(ArbitrationBenchmarks.VirtualChannels)], (int)parameters[nameof(ArbitrationBenchmarks.PhysicalChannels)]);
    }

    private static string Key(Figure figure, string policy, int virtualChannels, int physicalChannels) =>
        string.Create(CultureInfo.InvariantCulture, $"arbitration {figure.Name} {policy} {virtualChannels} {physicalChannels}");

    private sealed record Figure(string Name, string Legend, string Format, Func<ArbitrationPoint, double> Of);
}
