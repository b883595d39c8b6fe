using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DmaActors.Boards.Workloads;
using DmaActors.Cli.Output;
using DmaActors.Cli.Plots;
using DmaActors.Cli.Sweeps;
using DmaActors.Cluster;

namespace DmaActors.Cli;

/// <summary><c>dmactors bench arbitration</c>: each policy at growing load; a table, two CSV files and two plots.</summary>
internal static class BenchCommand
{
    /// <summary>The kind of a cluster job of the study's runs (item i is run i of <see cref="ArbitrationRequest.Run"/>).</summary>
    public const string JobKind = "bench-arbitration";

    public static Command Create(CliEnvironment environment)
    {
        var options = new ArbitrationOptions();
        var directory = new Option<DirectoryInfo>("--out") { HelpName = "DIR", Description = "Where arbitration.csv, arbitration-channels.csv, latency.svg/.png and fairness.svg/.png go.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var output = new OutputOptions(["arbitration"]);
        var cluster = new ClusterOptions();
        var arbitration = new Command("arbitration", "Compare arbitration policies under growing load (virtual time, deterministic).")
            .WithExample("dmactors bench arbitration --loads 4,8,16 --out results");
        options.AddTo(arbitration);
        arbitration.Options.Add(directory);
        output.AddTo(arbitration);
        cluster.AddTo(arbitration);
        arbitration.SetAction(r => Run(options, r, r.GetValue(directory)!, output.Read(r, environment), cluster.Endpoint(r), cluster.Record(r), environment));
        return new Command("bench", "Benchmarks of the simulated hardware.") { arbitration }.WithExample("dmactors bench arbitration --out results");
    }

    /// <summary>A cluster worker's runner of the study: item i is run i, sent back as JSON.</summary>
    public static IWorkRunner Runner(IReadOnlyList<string> arguments) => new PointRunner(ArbitrationOptions.Parse(arguments));

    private static int Run(ArbitrationOptions options, ParseResult parsed, DirectoryInfo directory, OutputSettings output, ClusterEndpoint? at, FileInfo? record, CliEnvironment environment)
    {
        var error = environment.Error;
        ArbitrationRequest request;
        try
        {
            request = options.Read(parsed);
        }
        catch (FormatException bad)
        {
            error.WriteLine($"dmactors bench: {bad.Message}");
            return ExitCodes.BadInput;
        }
        if (!OutputPaths.CanWriteInto("--out", directory, error)) return ExitCodes.BadInput;
        IReadOnlyList<ArbitrationPoint> points;
        var runWalls = new List<WallTiming>();
        int runs = request.Runs;
        long sweepStarted = Stopwatch.GetTimestamp();
        try
        {
            if (at is null)
            {
                int done = 0;
                long runStarted = sweepStarted;
                points = TerminalProgress.Run(environment, output.ColourAllowed, $"{runs} runs of {request.Milliseconds} ms", progress =>
                    ArbitrationStudy.Run(request.Policies, request.Loads, request.Physical, request.Milliseconds, _ =>
                    {
                        // Each run's wall time: from the previous run's report (or the sweep's start) to this one's, so bring-up and the previous world's shut-down count too.
                        long now = Stopwatch.GetTimestamp();
                        runWalls.Add(new WallTiming(Stopwatch.GetElapsedTime(runStarted, now).TotalSeconds, request.Milliseconds / 1e3));
                        runStarted = now;
                        progress?.Invoke(++done / (double)runs);
                    }));
            }
            else
            {
                var swept = Sweep.Run(at, new ClusterJob(JobKind, request.ToArguments(), request.Runs, StopAtFirstFailure: false), record, error, out int exitCode, "dmactors bench");
                if (swept is null) return exitCode;
                points = [.. Enumerable.Range(0, request.Runs).Select(i => PointJson.Read(swept.Results[i].Payload))];
            }
        }
        catch (Exception bad) when (Inputs.IsBadInput(bad))
        {
            error.WriteLine($"dmactors bench: {bad.Message}");
            return ExitCodes.BadInput;
        }
        var sweep = new WallTiming(Stopwatch.GetElapsedTime(sweepStarted).TotalSeconds, runs * request.Milliseconds / 1e3);
        var timing = new ReportTiming(sweep, string.Create(CultureInfo.InvariantCulture, $"{runs} runs"), runWalls.Count == points.Count ? runWalls : null);
        ReportWriter.Write(new ReportDocument(points, [Table(points)], [], []) { Timing = timing }, output, environment.Out);
        using (var csv = new StreamWriter(Path.Combine(directory.FullName, "arbitration.csv"))) ArbitrationStudy.WriteCsv(points, csv);
        using (var csv = new StreamWriter(Path.Combine(directory.FullName, "arbitration-channels.csv"))) ArbitrationStudy.WriteChannelCsv(points, csv);
        ArbitrationPlots.Write(points, directory);
        error.WriteLine($"wrote {Path.Combine(directory.FullName, "arbitration.csv")}, arbitration-channels.csv, latency.svg, latency.png, fairness.svg, fairness.png");
        return ExitCodes.Success;
    }

    private sealed class PointRunner(ArbitrationRequest request) : IWorkRunner
    {
        public ItemResult Run(int item)
        {
            try
            {
                return new ItemResult(ItemStatus.Passed, PointJson.Write(request.Run(item)));
            }
            catch (Exception bad) when (Inputs.IsBadInput(bad))
            {
                return new ItemResult(ItemStatus.Refused, bad.Message);
            }
        }
    }

    /// <summary>A row per run; the CSV names are those of arbitration.csv, with unrounded values.</summary>
    private static ReportTable Table(IEnumerable<ArbitrationPoint> points)
    {
        var table = new ReportTable(
            "arbitration",
            ["Arbitration under load", "Arbitration under load: bus and audio"],
            [
                new("policy", "policy", ReportColumn.Key, Numeric: false),
                new("channels", "virtual_channels", ReportColumn.Key),
                new("physical", "physical_channels", 1),
                new("MB/s", "total_mb_s", 0),
                new("of peak", "fraction_of_peak", 1),
                new("bus busy", "bus_busy", 0),
                new("Jain", "jain_fairness", 0),
                new("UART p99 µs", "uart_p99_us", 0),
                new("audio underruns", "audio_underruns", 1),
            ]);
        foreach (var p in points)
        {
            table.AddRow(
                new(p.Policy, p.Policy), new(Figures.Count(p.VirtualChannels), p.VirtualChannels), new(Figures.Count(p.PhysicalChannels), p.PhysicalChannels),
                new(Figures.Fixed(p.TotalMegabytesPerSecond, 1), p.TotalMegabytesPerSecond), new(Figures.Percent(p.FractionOfPeak, 0), p.FractionOfPeak),
                new(Figures.Percent(p.BusBusy, 0), p.BusBusy), new(Figures.Fixed(p.Fairness, 3), p.Fairness),
                new(Figures.Fixed(p.UartP99Microseconds, 1), p.UartP99Microseconds), Figures.Faults(p.AudioUnderruns));
        }
        return table;
    }
}
