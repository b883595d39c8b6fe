using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DmaActors.Boards.Workloads;
using Spectre.Console;

namespace DmaActors.Cli;

/// <summary>Prints a workload report as tables (people) or JSON (machines).</summary>
internal static class ReportRenderer
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static void WriteJson(WorkloadReport report, TextWriter output) => output.WriteLine(JsonSerializer.Serialize(report, Json));

    public static void WriteTables(WorkloadReport report, IAnsiConsole console)
    {
        var streams = new Table().Title($"Channels ({report.RunNanoseconds / 1e6:F1} ms of virtual time)")
            .AddColumns("stream", "channel", "kind", "bytes", "MB/s", "of demand", "p50 µs", "p99 µs", "max µs", "underruns", "overruns", "errors", "data");
        foreach (var s in report.Streams)
        {
            streams.AddRow(
                Markup.Escape(s.Name), s.Channel, s.Kind.ToString().ToLowerInvariant(), N(s.Bytes), F(s.BytesPerSecond / 1e6, 3),
                s.DemandBytesPerSecond > 0 ? (s.BytesPerSecond / s.DemandBytesPerSecond).ToString("P0", CultureInfo.InvariantCulture) : "-",
                F(s.LatencyP50Microseconds, 1), F(s.LatencyP99Microseconds, 1), F(s.LatencyMaxMicroseconds, 1),
                Count(s.Underruns), Count(s.Overruns), Count(s.Errors), s.Mismatches switch { < 0 => "[yellow]n/a (bytes lost)[/]", 0 => "[green]ok[/]", var m => $"[red]{N(m)} bad[/]" });
        }
        console.Write(streams);
        var controllers = new Table().Title("Controllers").AddColumns("controller", "streams", "Jain fairness", "bus busy");
        foreach (var c in report.Controllers)
        {
            controllers.AddRow(c.Name, N(c.Streams), F(c.JainFairness, 3), c.BusUtilisation.ToString("P1", CultureInfo.InvariantCulture));
        }
        console.Write(controllers);
        console.MarkupLine(report.HasVerificationFailures ? "[red]verification failed[/]" : "[green]all data verified[/]");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Count(long value) => value == 0 ? "0" : $"[red]{N(value)}[/]";
}
