using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DmaActors.Boards.Workloads;
using DmaActors.Cli.Output;
using DmaActors.Cli.Plots;

namespace DmaActors.Cli;

/// <summary><c>dmactors bench arbitration</c>: each policy at growing load; a table, two CSV files and two plots.</summary>
internal static class BenchCommand
{
    /// <summary>
    /// The most virtual channels a run takes: far past any controller modelled (EDMA3 has 64),
    /// and a run of 5 ms at this load takes seconds, not hours.
    /// </summary>
    private const int MaxLoad = 1024;

    /// <summary>The most physical channels: a PL080 has 8, a PL330 up to 8; 65,536 took 345 MB.</summary>
    private const int MaxPhysical = 256;

    public static Command Create(CliEnvironment environment)
    {
        var loads = new Option<string>("--loads") { HelpName = "N,N,...", Description = $"Virtual channels in use, comma-separated (each 4 to {MaxLoad}: UART, MMC, audio + memcpy).", DefaultValueFactory = _ => "4,8,16,32,64" };
        var physical = new Option<int>("--physical") { HelpName = "N", Description = "Physical channels they share.", DefaultValueFactory = _ => 8, CustomParser = OptionValues.WholeNumberFrom(1, MaxPhysical) };
        var ms = new Option<double>("--ms") { HelpName = "MS", Description = "Virtual milliseconds per run.", DefaultValueFactory = _ => 5, CustomParser = OptionValues.Milliseconds };
        var policies = new Option<string>("--policies") { HelpName = "NAME,...", Description = "Policies, comma-separated.", DefaultValueFactory = _ => string.Join(',', ArbitrationStudy.DefaultPolicies) };
        var directory = new Option<DirectoryInfo>("--out") { HelpName = "DIR", Description = "Where arbitration.csv, arbitration-channels.csv, latency.svg/.png and fairness.svg/.png go.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var output = new OutputOptions(["arbitration"]);
        var arbitration = new Command("arbitration", "Compare arbitration policies under growing load (virtual time, deterministic).") { loads, physical, ms, policies, directory }
            .WithExample("dmactors bench arbitration --loads 4,8,16 --out results");
        output.AddTo(arbitration);
        arbitration.SetAction(r => Run(r.GetValue(loads)!, r.GetValue(physical), r.GetValue(ms), r.GetValue(policies)!, r.GetValue(directory)!, output.Read(r, environment), environment));
        return new Command("bench", "Benchmarks of the simulated hardware.") { arbitration }.WithExample("dmactors bench arbitration --out results");
    }

    private static int Run(string loadList, int physical, double ms, string policyList, DirectoryInfo directory, OutputSettings output, CliEnvironment environment)
    {
        var error = environment.Error;
        var loads = new List<int>();
        foreach (string item in loadList.Split(','))
        {
            // Digits only, so an overflowing number is out of range rather than a crash.
            if (!int.TryParse(item.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int load) || load is < 4 or > MaxLoad)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"dmactors bench: --loads takes comma-separated whole numbers from 4 (UART, MMC, audio and one memcpy) to {MaxLoad}; '{item.Trim()}' in '{loadList}' is not one."));
                return ExitCodes.BadInput;
            }
            loads.Add(load);
        }
        if (!OutputPaths.CanWriteInto("--out", directory, error)) return ExitCodes.BadInput;
        var policyNames = policyList.Split(',').Select(p => p.Trim()).ToList();
        IReadOnlyList<ArbitrationPoint> points;
        var runWalls = new List<WallTiming>();
        int runs = policyNames.Count * loads.Count;
        long sweepStarted = Stopwatch.GetTimestamp();
        try
        {
            int done = 0;
            long runStarted = sweepStarted;
            points = TerminalProgress.Run(environment, output.ColourAllowed, $"{runs} runs of {ms} ms", progress =>
                ArbitrationStudy.Run(policyNames, loads, physical, ms, _ =>
                {
                    // Each run's wall time: from the previous run's report (or the sweep's start) to this one's, so bring-up and the previous world's shut-down count too.
                    long now = Stopwatch.GetTimestamp();
                    runWalls.Add(new WallTiming(Stopwatch.GetElapsedTime(runStarted, now).TotalSeconds, ms / 1e3));
                    runStarted = now;
                    progress?.Invoke(++done / (double)runs);
                }));
        }
        catch (Exception bad) when (Inputs.IsBadInput(bad))
        {
            error.WriteLine($"dmactors bench: {bad.Message}");
            return ExitCodes.BadInput;
        }
        var sweep = new WallTiming(Stopwatch.GetElapsedTime(sweepStarted).TotalSeconds, runs * ms / 1e3);
        var timing = new ReportTiming(sweep, string.Create(CultureInfo.InvariantCulture, $"{runs} runs"), runWalls.Count == points.Count ? runWalls : null);
        ReportWriter.Write(new ReportDocument(points, [Table(points)], [], []) { Timing = timing }, output, environment.Out);
        using (var csv = new StreamWriter(Path.Combine(directory.FullName, "arbitration.csv"))) ArbitrationStudy.WriteCsv(points, csv);
        using (var csv = new StreamWriter(Path.Combine(directory.FullName, "arbitration-channels.csv"))) ArbitrationStudy.WriteChannelCsv(points, csv);
        ArbitrationPlots.Write(points, directory);
        error.WriteLine($"wrote {Path.Combine(directory.FullName, "arbitration.csv")}, arbitration-channels.csv, latency.svg, latency.png, fairness.svg, fairness.png");
        return ExitCodes.Success;
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
