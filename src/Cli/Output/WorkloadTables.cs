using DmaActors.Boards.Workloads;

namespace DmaActors.Cli.Output;

/// <summary>A workload report as tables: one row per stream (<c>channels</c>), one per controller (<c>controllers</c>).</summary>
internal static class WorkloadTables
{
    /// <summary>The tables' names, the default one first (what <c>--csv</c> accepts).</summary>
    public static IReadOnlyList<string> Names { get; } = ["channels", "controllers"];

    public static ReportDocument Document(WorkloadReport report, object? json = null, IReadOnlyList<ReportLine>? before = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var verdict = report.HasVerificationFailures ? new ReportLine("verification failed", CellTone.Bad) : new ReportLine("all data verified", CellTone.Good);
        return new ReportDocument(json ?? report, [Channels(report), Controllers(report)], before ?? [], [verdict]);
    }

    /// <summary>
    /// Group 0 (what an 80-column terminal shows first) answers "did every channel get its
    /// bandwidth, promptly, with good data"; group 1 has the kind of transfer (which says what its
    /// latency means: a cyclic stream's is its period), the rest of the latency and the faults;
    /// group 2 how much moved, where, and what the stream could use.
    /// </summary>
    public static ReportTable Channels(WorkloadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new ReportTable(
            "channels",
            [$"Channels ({Figures.Fixed(report.RunNanoseconds / 1e6, 1)} ms of virtual time)", "Channels: kind, latency and faults", "Channels: volume and demand"],
            [
                new("stream", "name", ReportColumn.Key, Numeric: false),
                new("channel", "channel", 0, Numeric: false),
                new("kind", "kind", 1, Numeric: false),
                new("controller", "controller", 2, Numeric: false),
                new("bytes", "bytes", 2),
                new("transfers", "transfers", 2),
                new("MB/s", "bytes_per_second", 0),
                new("demand MB/s", "demand_bytes_per_second", 2),
                new("of demand", "share_of_demand", 0),
                new("p50 µs", "latency_p50_us", 1),
                new("p99 µs", "latency_p99_us", 0),
                new("max µs", "latency_max_us", 1),
                new("underruns", "underruns", 1),
                new("overruns", "overruns", 1),
                new("errors", "errors", 1),
                new("data", "mismatches", 0, Numeric: false),
            ]);
        foreach (var s in report.Streams)
        {
            double? share = s.DemandBytesPerSecond > 0 ? s.BytesPerSecond / s.DemandBytesPerSecond : null;
            table.AddRow(
                new(s.Name, s.Name),
                new(s.Channel, s.Channel),
                new(s.Kind.ToString().ToLowerInvariant(), s.Kind.ToString().ToLowerInvariant()),
                new(s.Controller, s.Controller),
                new(Figures.Count(s.Bytes), s.Bytes),
                new(Figures.Count(s.Transfers), s.Transfers),
                new(Figures.Fixed(s.BytesPerSecond / 1e6, 3), s.BytesPerSecond),
                new(Figures.Fixed(s.DemandBytesPerSecond / 1e6, 3), s.DemandBytesPerSecond),
                new(share is { } x ? Figures.Percent(x, 0) : "-", share),
                new(Figures.Fixed(s.LatencyP50Microseconds, 1), s.LatencyP50Microseconds),
                new(Figures.Fixed(s.LatencyP99Microseconds, 1), s.LatencyP99Microseconds),
                new(Figures.Fixed(s.LatencyMaxMicroseconds, 1), s.LatencyMaxMicroseconds),
                Figures.Faults(s.Underruns),
                Figures.Faults(s.Overruns),
                Figures.Faults(s.Errors),
                Data(s.Mismatches));
        }
        return table;
    }

    public static ReportTable Controllers(WorkloadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new ReportTable(
            "controllers",
            ["Controllers"],
            [
                new("controller", "controller", ReportColumn.Key, Numeric: false),
                new("streams", "streams", 0),
                new("Jain fairness", "jain_fairness", 0),
                new("bus busy", "bus_utilisation", 0),
            ]);
        foreach (var c in report.Controllers)
        {
            table.AddRow(
                new(c.Name, c.Name),
                new(Figures.Count(c.Streams), c.Streams),
                new(Figures.Fixed(c.JainFairness, 3), c.JainFairness),
                new(Figures.Percent(c.BusUtilisation, 1), c.BusUtilisation));
        }
        return table;
    }

    /// <summary>The data check: bytes that differed, or that nothing could be checked because the device dropped bytes.</summary>
    private static ReportCell Data(long mismatches) => mismatches switch
    {
        < 0 => new("n/a (bytes lost)", mismatches, CellTone.Warning),
        0 => new("ok", mismatches, CellTone.Good),
        _ => new($"{Figures.Count(mismatches)} bad", mismatches, CellTone.Bad),
    };
}
