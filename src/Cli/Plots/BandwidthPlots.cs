using System.Globalization;
using DmaActors.Boards.Workloads;
using ScottPlot;

namespace DmaActors.Cli.Plots;

/// <summary>
/// Bandwidth over virtual time, from the report's bytes per interval. <c>bandwidth</c> has every
/// channel's average since the start as a share of its demand (so a UART and a bulk copy share an
/// axis); <c>bandwidth-CHANNEL</c> has one channel in MB/s: per interval, its average since the
/// start, and what it demands.
/// </summary>
/// <remarks>
/// Bytes count when a transfer completes, so a channel that completes less often than once per
/// interval (a UART, an audio period) reads 0 in some intervals and a multiple of its rate in
/// others: the per-interval line is exact but jagged, and the running average is what compares
/// channels.
/// </remarks>
internal static class BandwidthPlots
{
    private const string TimeAxis = "virtual time (ms)";

    public static IReadOnlyList<string> Write(WorkloadReport report, DirectoryInfo directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        double runMs = report.RunNanoseconds / 1e6;
        var files = new List<string>();
        var all = PlotFiles.Create("Bandwidth over time: each channel's average since the start", TimeAxis, "average bandwidth (% of demand)");
        double top = 100;
        foreach (var stream in report.Streams.Where(s => s.DemandBytesPerSecond > 0))
        {
            var (xs, average) = RunningAverage(report, stream);
            var percent = average.Select(bytesPerSecond => 100 * bytesPerSecond / stream.DemandBytesPerSecond).ToArray();
            var line = all.Add.Scatter(xs, percent);
            line.LegendText = $"{stream.Name} ({stream.Channel})";
            line.MarkerSize = 0;
            line.LineWidth = 2;
            top = Math.Max(top, percent.DefaultIfEmpty(0).Max());
        }
        Frame(all, runMs, top);
        files.AddRange(PlotFiles.Save(all, directory, "bandwidth"));

        foreach (var stream in report.Streams)
        {
            var plot = PlotFiles.Create($"{stream.Name} on {stream.Channel}: bandwidth over time", TimeAxis, "bandwidth (MB/s)");
            var (edges, perInterval) = PerInterval(report, stream);
            var steps = plot.Add.Scatter(edges, perInterval.Select(b => b / 1e6).ToArray());
            steps.ConnectStyle = ConnectStyle.StepHorizontal;
            steps.MarkerSize = 0;
            steps.LineWidth = 1;
            steps.LegendText = string.Create(CultureInfo.InvariantCulture, $"per {report.BucketNanoseconds / 1e6:0.###} ms interval");
            var (xs, average) = RunningAverage(report, stream);
            var mean = plot.Add.Scatter(xs, average.Select(b => b / 1e6).ToArray());
            mean.MarkerSize = 0;
            mean.LineWidth = 2.5f;
            mean.LegendText = "average since the start";
            var demand = plot.Add.HorizontalLine(stream.DemandBytesPerSecond / 1e6);
            demand.LinePattern = LinePattern.Dashed;
            demand.LegendText = string.Create(CultureInfo.InvariantCulture,
                $"demand: {stream.DemandBytesPerSecond / 1e6:G4} MB/s ({(stream.Kind == StreamKind.Memcpy ? "the bus's peak" : "the device's wire rate")})");
            Frame(plot, runMs, Math.Max(stream.DemandBytesPerSecond, perInterval.DefaultIfEmpty(0).Max()) / 1e6);
            files.AddRange(PlotFiles.Save(plot, directory, "bandwidth-" + PlotFiles.FileName(stream.Channel)));
        }
        return files;
    }

    /// <summary>x from 0 to the end of the run, y from 0 to a little above <paramref name="top"/> (room for the legend).</summary>
    private static void Frame(Plot plot, double runMs, double top)
    {
        plot.Axes.SetLimitsX(0, runMs);
        plot.Axes.SetLimitsY(0, Math.Max(top, 1e-9) * 1.3);
    }

    /// <summary>The interval edges and the bandwidth in each (bytes/s), the last repeated to close the last step.</summary>
    private static (double[] Edges, double[] BytesPerSecond) PerInterval(WorkloadReport report, StreamReport stream)
    {
        int count = stream.BytesPerBucket.Count;
        double seconds = report.BucketNanoseconds / 1e9;
        var edges = new double[count + 1];
        var rates = new double[count + 1];
        for (int i = 0; i <= count; i++)
        {
            edges[i] = i * report.BucketNanoseconds / 1e6;
            rates[i] = count > 0 && seconds > 0 ? stream.BytesPerBucket[Math.Min(i, count - 1)] / seconds : 0;
        }
        return (edges, rates);
    }

    /// <summary>At the end of each interval, the bytes since the start over the time since the start (bytes/s).</summary>
    private static (double[] Ends, double[] BytesPerSecond) RunningAverage(WorkloadReport report, StreamReport stream)
    {
        int count = stream.BytesPerBucket.Count;
        var ends = new double[count];
        var averages = new double[count];
        long bytes = 0;
        for (int i = 0; i < count; i++)
        {
            bytes += stream.BytesPerBucket[i];
            double seconds = (i + 1) * report.BucketNanoseconds / 1e9;
            ends[i] = (i + 1) * report.BucketNanoseconds / 1e6;
            averages[i] = seconds > 0 ? bytes / seconds : 0;
        }
        return (ends, averages);
    }
}
