using System.CommandLine;
using System.Globalization;
using DmaActors.Boards.Workloads;
using DmaActors.Cli.Output;
using DmaActors.Cli.Plots;

namespace DmaActors.Cli;

/// <summary><c>dmactors bench arbitration</c>: each policy at growing load; a table, two CSV files and two plots.</summary>
internal static class BenchCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var loads = new Option<string>("--loads") { HelpName = "N,N,...", Description = "Virtual channels in use, comma-separated (each ≥ 4: UART, MMC, audio + memcpy).", DefaultValueFactory = _ => "4,8,16,32,64" };
        var physical = new Option<int>("--physical") { HelpName = "N", Description = "Physical channels they share.", DefaultValueFactory = _ => 8, CustomParser = OptionValues.WholeNumber<int> };
        var ms = new Option<double>("--ms") { HelpName = "MS", Description = "Virtual milliseconds per run.", DefaultValueFactory = _ => 5, CustomParser = OptionValues.Number };
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
        int[] loads;
        try
        {
            loads = [.. loadList.Split(',').Select(l => int.Parse(l.Trim(), NumberStyles.None, CultureInfo.InvariantCulture))];
        }
        catch (FormatException)
        {
            error.WriteLine($"dmactors bench: --loads '{loadList}' is not a comma-separated list of whole numbers.");
            return ExitCodes.BadInput;
        }
        if (loads.Any(l => l < 4) || physical < 1 || ms <= 0)
        {
            error.WriteLine("dmactors bench: each load must be at least 4 channels, --physical at least 1, --ms positive.");
            return ExitCodes.BadInput;
        }
        if (!OutputPaths.CanWriteInto("--out", directory, error)) return ExitCodes.BadInput;
        var policyNames = policyList.Split(',').Select(p => p.Trim()).ToList();
        IReadOnlyList<ArbitrationPoint> points;
        try
        {
            int runs = policyNames.Count * loads.Length, done = 0;
            points = TerminalProgress.Run(environment, output.ColourAllowed, $"{runs} runs of {ms} ms", progress =>
                ArbitrationStudy.Run(policyNames, loads, physical, ms, _ => progress?.Invoke(++done / (double)runs)));
        }
        catch (Api.DmaException bad)
        {
            error.WriteLine($"dmactors bench: {bad.Message}");
            return ExitCodes.BadInput;
        }
        ReportWriter.Write(new ReportDocument(points, [Table(points)], [], []), output, environment.Out);
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
