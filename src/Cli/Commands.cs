using DmaActors.Api;
using DmaActors.DeviceTree;
using DmaActors.Boards.Workloads;
using DmaActors.Runtime;
using Spectre.Console;

namespace DmaActors.Cli;

/// <summary>The bodies of the simulation commands: load, run, report, exit code.</summary>
internal static class Commands
{
    public static int Run(FileInfo boardFile, FileInfo? workloadFile, double? ms, RunOptions options)
    {
        if (!Inputs.TryLoad(boardFile, workloadFile, out var tree, out var workload)) return ExitCodes.BadInput;
        return Simulate(tree!, ms is { } length ? workload! with { RunMilliseconds = length } : workload!, options);
    }

    public static int Simulate(DtTree tree, Workload workload, RunOptions options)
    {
        WorkloadReport report;
        try
        {
            report = options.Json || Console.IsOutputRedirected
                ? SimulationRun.Run(tree, workload, options, null, Console.Error)
                : AnsiConsole.Progress().AutoClear(true).Start(context =>
                {
                    var task = context.AddTask($"simulating {workload.RunMilliseconds} ms", maxValue: 1);
                    return SimulationRun.Run(tree, workload, options, done => task.Value = done, Console.Error);
                });
        }
        catch (Exception bad) when (bad is DmaException or FormatException or DtsSyntaxException)
        {
            Console.Error.WriteLine($"dmactors: {bad.Message}");
            return ExitCodes.BadInput;
        }
        if (options.Json) ReportRenderer.WriteJson(report, Console.Out);
        else ReportRenderer.WriteTables(report, Terminal.Current());
        return report.HasVerificationFailures ? ExitCodes.VerificationFailed : ExitCodes.Success;
    }

    public static int Explore(FileInfo? boardFile, FileInfo? workloadFile, double? ms, int seeds)
    {
        DtTree tree;
        Workload workload;
        if (boardFile is null)
        {
            tree = DtsParser.Parse(DemoScenario.BoardDts, "demo/beaglebone-black.dts");
            workload = DemoScenario.Workload;
            if (workloadFile is not null && !Inputs.TryLoadWorkload(workloadFile, out workload!)) return ExitCodes.BadInput;
        }
        else if (!Inputs.TryLoad(boardFile, workloadFile, out var loaded, out var loadedWorkload))
        {
            return ExitCodes.BadInput;
        }
        else
        {
            (tree, workload) = (loaded!, loadedWorkload!);
        }
        workload = workload with { RunMilliseconds = ms ?? Math.Min(workload.RunMilliseconds, 2) };
        for (ulong s = 1; s <= (ulong)Math.Max(1, seeds); s++)
        {
            var report = SimulationRun.Run(tree, workload, new RunOptions(false, null, null, null, s), null, TextWriter.Null);
            if (!report.HasVerificationFailures) continue;
            Console.WriteLine($"seed {s} fails verification; replay it with: dmactors run <board> --seed {s}");
            ReportRenderer.WriteTables(report, Terminal.Current());
            return ExitCodes.VerificationFailed;
        }
        Console.WriteLine($"{seeds} seeds explored ({workload.RunMilliseconds} ms each): every schedule verified.");
        return ExitCodes.Success;
    }
}
