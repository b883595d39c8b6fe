using System.CommandLine;
using System.Globalization;
using DmaActors.Boards.Workloads;
using Spectre.Console;

namespace DmaActors.Cli;

/// <summary><c>dmactors bench arbitration</c>: each policy at growing load; a table, a CSV and two SVG plots.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var loads = new Option<string>("--loads") { Description = "Virtual channels in use, comma-separated (each ≥ 4: UART, MMC, audio + memcpy).", DefaultValueFactory = _ => "4,8,16,32,64" };
        var physical = new Option<int>("--physical") { Description = "Physical channels they share.", DefaultValueFactory = _ => 8 };
        var ms = new Option<double>("--ms") { Description = "Virtual milliseconds per run.", DefaultValueFactory = _ => 5 };
        var policies = new Option<string>("--policies") { Description = "Policies, comma-separated.", DefaultValueFactory = _ => string.Join(',', ArbitrationStudy.DefaultPolicies) };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where arbitration.csv, arbitration-channels.csv, latency.svg and fairness.svg go.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var arbitration = new Command("arbitration", "Compare arbitration policies under growing load (virtual time, deterministic).") { loads, physical, ms, policies, output };
        arbitration.SetAction(r => Run(r.GetValue(loads)!, r.GetValue(physical), r.GetValue(ms), r.GetValue(policies)!, r.GetValue(output)!));
        return new Command("bench", "Benchmarks of the simulated hardware.") { arbitration };
    }

    private static int Run(string loadList, int physical, double ms, string policyList, DirectoryInfo output)
    {
        int[] loads;
        try
        {
            loads = [.. loadList.Split(',').Select(l => int.Parse(l.Trim(), NumberStyles.None, CultureInfo.InvariantCulture))];
        }
        catch (FormatException)
        {
            Console.Error.WriteLine($"dmactors bench: --loads '{loadList}' is not a comma-separated list of whole numbers.");
            return ExitCodes.BadInput;
        }
        if (loads.Any(l => l < 4) || physical < 1 || ms <= 0)
        {
            Console.Error.WriteLine("dmactors bench: each load must be at least 4 channels, --physical at least 1, --ms positive.");
            return ExitCodes.BadInput;
        }
        var table = new Table().AddColumns("policy", "channels", "MB/s", "bus busy", "Jain", "UART p99 µs", "audio underruns");
        IReadOnlyList<ArbitrationPoint> points;
        try
        {
            points = ArbitrationStudy.Run(policyList.Split(',').Select(p => p.Trim()), loads, physical, ms);
        }
        catch (Api.DmaException bad)
        {
            Console.Error.WriteLine($"dmactors bench: {bad.Message}");
            return ExitCodes.BadInput;
        }
        foreach (var p in points)
        {
            table.AddRow(p.Policy, p.VirtualChannels.ToString(CultureInfo.InvariantCulture), p.TotalMegabytesPerSecond.ToString("F1", CultureInfo.InvariantCulture),
                p.BusBusy.ToString("P0", CultureInfo.InvariantCulture), p.Fairness.ToString("F3", CultureInfo.InvariantCulture),
                p.UartP99Microseconds.ToString("F1", CultureInfo.InvariantCulture), p.AudioUnderruns.ToString(CultureInfo.InvariantCulture));
        }
        Terminal.Current().Write(table);
        output.Create();
        using (var csv = new StreamWriter(Path.Combine(output.FullName, "arbitration.csv"))) ArbitrationStudy.WriteCsv(points, csv);
        using (var csv = new StreamWriter(Path.Combine(output.FullName, "arbitration-channels.csv"))) ArbitrationStudy.WriteChannelCsv(points, csv);
        File.WriteAllText(Path.Combine(output.FullName, "latency.svg"), SvgChart.Render("UART p99 latency under load", "virtual channels", "µs", Series(points, p => p.UartP99Microseconds)));
        File.WriteAllText(Path.Combine(output.FullName, "fairness.svg"), SvgChart.Render("Jain's fairness under load", "virtual channels", "index", Series(points, p => p.Fairness)));
        Console.WriteLine($"wrote {Path.Combine(output.FullName, "arbitration.csv")}, arbitration-channels.csv, latency.svg, fairness.svg");
        return ExitCodes.Success;
    }

    private static Dictionary<string, IReadOnlyList<(double X, double Y)>> Series(IEnumerable<ArbitrationPoint> points, Func<ArbitrationPoint, double> y) =>
        points.GroupBy(p => p.Policy).ToDictionary(g => g.Key, g => (IReadOnlyList<(double X, double Y)>)[.. g.Select(p => ((double)p.VirtualChannels, y(p)))]);
}
