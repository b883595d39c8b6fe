using DmaActors.Api;
using DmaActors.DeviceTree;
using DmaActors.Boards.Workloads;
using DmaActors.Runtime;
using Spectre.Console;

namespace DmaActors.Cli;

/// <summary>The bodies of the simulation commands: load, run, report, exit code.</summary>
internal static class Commands
{
    public static int Run(FileInfo boardFile, FileInfo? workloadFile, double? ms, RunOptions options, DtsLoadOptions preprocessor)
    {
        if (!Inputs.TryLoad(boardFile, workloadFile, preprocessor, out var tree, out var workload)) return ExitCodes.BadInput;
        return Simulate(tree!, workload, options, ms);
    }

    /// <summary>Runs <paramref name="workload"/> (null: the board's own load) for its length or <paramref name="ms"/>.</summary>
    public static int Simulate(DtTree tree, Workload? workload, RunOptions options, double? ms = null)
    {
        var length = ms ?? workload?.RunMilliseconds ?? 50;
        if (workload is not null && ms is { } given) workload = workload with { RunMilliseconds = given };
        WorkloadReport report;
        try
        {
            report = options.Json || Console.IsOutputRedirected
                ? SimulationRun.Run(tree, workload, options, null, Console.Error, length)
                : AnsiConsole.Progress().AutoClear(true).Start(context =>
                {
                    var task = context.AddTask($"simulating {length} ms", maxValue: 1);
                    return SimulationRun.Run(tree, workload, options, done => task.Value = done, Console.Error, length);
                });
        }
        catch (Exception bad) when (bad is DmaException or FormatException or DtsSyntaxException or BoardProblemsException)
        {
            Console.Error.WriteLine($"dmactors: {bad.Message}");
            return ExitCodes.BadInput;
        }
        if (options.Json) ReportRenderer.WriteJson(report, Console.Out);
        else ReportRenderer.WriteTables(report, Terminal.Current());
        return report.HasVerificationFailures ? ExitCodes.VerificationFailed : ExitCodes.Success;
    }

    public static int Explore(FileInfo? boardFile, FileInfo? workloadFile, double? ms, int seeds, DtsLoadOptions preprocessor)
    {
        DtTree tree;
        Workload? workload;
        if (boardFile is null)
        {
            tree = DtsParser.Parse(DemoScenario.BoardDts, "demo/beaglebone-black.dts");
            workload = DemoScenario.Workload;
            if (workloadFile is not null && !Inputs.TryLoadWorkload(workloadFile, out workload)) return ExitCodes.BadInput;
        }
        else if (!Inputs.TryLoad(boardFile, workloadFile, preprocessor, out var loaded, out var loadedWorkload))
        {
            return ExitCodes.BadInput;
        }
        else
        {
            (tree, workload) = (loaded!, loadedWorkload);
        }
        double length = ms ?? Math.Min(workload?.RunMilliseconds ?? 50, 2);
        for (ulong s = 1; s <= (ulong)Math.Max(1, seeds); s++)
        {
            WorkloadReport report;
            try
            {
                // What the board leaves out is said once, with the first seed.
                report = SimulationRun.Run(tree, workload, new RunOptions(false, null, null, null, s), null, s == 1 ? Console.Error : TextWriter.Null, length);
            }
            catch (Exception bad) when (bad is DmaException or FormatException or BoardProblemsException)
            {
                Console.Error.WriteLine($"dmactors: {bad.Message}");
                return ExitCodes.BadInput;
            }
            if (!report.HasVerificationFailures) continue;
            Console.WriteLine($"seed {s} fails verification; replay it with: dmactors run <board> --seed {s}");
            ReportRenderer.WriteTables(report, Terminal.Current());
            return ExitCodes.VerificationFailed;
        }
        Console.WriteLine($"{seeds} seeds explored ({length} ms each): every schedule verified.");
        return ExitCodes.Success;
    }
}
