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
        // A run too short for one UART transfer to complete has no latency to plot (its p99 reads
        // 0, which would look like the best result): it is left out, and the plot says so.
        var timed = points.Where(p => p.Report.Streams.Any(s => s.Name == "uart" && s.Transfers > 0)).ToList();
        var latency = ByPolicy(points, timed, "UART receive latency under load", "UART p99 submit-to-callback latency (µs)", p => p.UartP99Microseconds);
        var fairness = ByPolicy(points, points, "Fairness among the bulk copies under load", "Jain's fairness index (1 = an even share)", p => p.Fairness);
        if (timed.Count < points.Count)
        {
            latency.Add.Annotation(string.Create(CultureInfo.InvariantCulture,
                $"{points.Count - timed.Count} of {points.Count} runs completed no UART transfer (run longer: --ms) and are not shown"), Alignment.UpperLeft);
        }
        latency.Axes.SetLimitsY(0, Math.Max(1, timed.Select(p => p.UartP99Microseconds).DefaultIfEmpty(0).Max()) * 1.3);
        fairness.Axes.SetLimitsY(0, 1.3);
        return [.. PlotFiles.Save(latency, directory, "latency"), .. PlotFiles.Save(fairness, directory, "fairness")];
    }

    /// <summary>
    /// One line per policy against the number of channels; loads grow by doubling, so x is on a
    /// log₂ scale, ticked at the loads run.
    /// </summary>
    /// <param name="all">Every run: the x ticks and the legend (a policy with no run drawn keeps its entry).</param>
    /// <param name="shown">The runs drawn.</param>
    private static Plot ByPolicy(IReadOnlyList<ArbitrationPoint> all, IReadOnlyList<ArbitrationPoint> shown, string title, string yLabel, Func<ArbitrationPoint, double> y)
    {
        var plot = PlotFiles.Create(title, "virtual channels in use (log scale)", yLabel);
        foreach (string policy in all.Select(p => p.Policy).Distinct())
        {
            var ordered = shown.Where(p => p.Policy == policy).OrderBy(p => p.VirtualChannels).ToList();
            var line = plot.Add.Scatter(ordered.Select(p => Math.Log2(p.VirtualChannels)).ToArray(), ordered.Select(y).ToArray());
            line.LegendText = policy;
            line.LineWidth = 2;
            line.MarkerSize = 7;
        }
        var loads = all.Select(p => p.VirtualChannels).Distinct().Order().ToList();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. loads.Select(l => Math.Log2(l))], [.. loads.Select(l => l.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(Math.Log2(loads[0]) - 0.3, Math.Log2(loads[^1]) + 0.3);
        return plot;
    }
}
