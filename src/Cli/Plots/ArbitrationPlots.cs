using System.Globalization;
using DmaActors.Boards.Workloads;
using ScottPlot;

namespace DmaActors.Cli.Plots;

/// <summary>The arbitration study's plots: UART latency and bulk-copy fairness against load, a line per policy.</summary>
internal static class ArbitrationPlots
{
    public static IReadOnlyList<string> Write(IReadOnlyList<ArbitrationPoint> points, DirectoryInfo directory)
    {
        ArgumentNullException.ThrowIfNull(points);
        var latency = ByPolicy(points, "UART receive latency under load", "UART p99 submit-to-callback latency (µs)", p => p.UartP99Microseconds);
        var fairness = ByPolicy(points, "Fairness among the bulk copies under load", "Jain's fairness index (1 = an even share)", p => p.Fairness);
        latency.Axes.SetLimitsY(0, Math.Max(1, points.Max(p => p.UartP99Microseconds)) * 1.3);
        fairness.Axes.SetLimitsY(0, 1.3);
        return [.. PlotFiles.Save(latency, directory, "latency"), .. PlotFiles.Save(fairness, directory, "fairness")];
    }

    /// <summary>
    /// One line per policy against the number of channels; loads grow by doubling, so x is on a
    /// log₂ scale, ticked at the loads run.
    /// </summary>
    private static Plot ByPolicy(IReadOnlyList<ArbitrationPoint> points, string title, string yLabel, Func<ArbitrationPoint, double> y)
    {
        var plot = PlotFiles.Create(title, "virtual channels in use (log scale)", yLabel);
        foreach (var policy in points.GroupBy(p => p.Policy))
        {
            var ordered = policy.OrderBy(p => p.VirtualChannels).ToList();
            var line = plot.Add.Scatter(ordered.Select(p => Math.Log2(p.VirtualChannels)).ToArray(), ordered.Select(y).ToArray());
            line.LegendText = policy.Key;
            line.LineWidth = 2;
            line.MarkerSize = 7;
        }
        var loads = points.Select(p => p.VirtualChannels).Distinct().Order().ToList();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. loads.Select(l => Math.Log2(l))], [.. loads.Select(l => l.ToString(CultureInfo.InvariantCulture))]);
        return plot;
    }
}
