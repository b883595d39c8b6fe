using System.CommandLine;
using System.Globalization;
using DmaActors.Boards.Workloads;
using DmaActors.Cli.Output;
using DmaActors.DeviceTree;

namespace DmaActors.Cli;

/// <summary><c>dmactors explore</c>: one workload under many seeds of the deterministic dispatcher, until one fails verification.</summary>
internal static class ExploreCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var board = new Option<FileInfo?>("--board") { HelpName = "FILE", Description = "The board; default: the built-in demo board." };
        var workload = new Option<FileInfo?>("--workload") { HelpName = "FILE", Description = "A workload JSON file; default: the built-in mixed load." };
        var milliseconds = new Option<double?>("--ms") { HelpName = "MS", Description = "Run length per seed, in milliseconds of virtual time; default: the workload's, at most 2.", CustomParser = OptionValues.OptionalMilliseconds };
        var seeds = new Option<int>("--seeds") { HelpName = "N", Description = "How many seeds to try (1 to N).", DefaultValueFactory = _ => 100, CustomParser = OptionValues.WholeNumberFrom(1, int.MaxValue) };
        var output = new OutputOptions(WorkloadTables.Names);
        var preprocessor = new PreprocessorOptions();
        var command = new Command("explore", "Run a workload under many seeds of the deterministic dispatcher and report the first seed whose data fails verification (its tables, and how to replay it).")
        {
            board, workload, milliseconds, seeds,
        }.WithExample("dmactors explore --seeds 200 --ms 1");
        output.AddTo(command);
        preprocessor.AddTo(command);
        command.SetAction(r => Execute(r.GetValue(board), r.GetValue(workload), r.GetValue(milliseconds), r.GetValue(seeds), preprocessor.From(r), output.Read(r, environment), environment));
        return command;
    }

    private static int Execute(FileInfo? boardFile, FileInfo? workloadFile, double? ms, int seeds, DtsLoadOptions preprocessor, OutputSettings output, CliEnvironment environment)
    {
        DtTree tree;
        Workload? workload;
        if (boardFile is null)
        {
            tree = DemoCommand.DemoBoard();
            workload = DemoScenario.Workload;
            if (workloadFile is not null && !Inputs.TryLoadWorkload(workloadFile, environment.Error, out workload)) return ExitCodes.BadInput;
        }
        else if (!Inputs.TryLoad(boardFile, workloadFile, preprocessor, environment.Error, out var loaded, out var loadedWorkload))
        {
            return ExitCodes.BadInput;
        }
        else
        {
            (tree, workload) = (loaded!, loadedWorkload);
        }
        // No workload file with a board: each seed runs the load made from the board.
        double length = ms ?? Math.Min(workload?.RunMilliseconds ?? 50, 2);
        if (workload is not null) workload = workload with { RunMilliseconds = length };
        ulong last = (ulong)seeds;
        ExploreOutcome outcome;
        try
        {
            outcome = TerminalProgress.Run(environment, output.ColourAllowed, $"exploring {last} seeds", progress =>
            {
                for (ulong s = 1; s <= last; s++)
                {
                    // What the board leaves out is said once, with the first seed.
                    var report = SimulationRun.Run(tree, workload, RunOptions.None with { Seed = s }, null, s == 1 ? environment.Error : TextWriter.Null, length);
                    progress?.Invoke(s / (double)last);
                    if (report.HasVerificationFailures) return new ExploreOutcome(s, length, s, report);
                }
                return new ExploreOutcome(last, length, null, null);
            });
        }
        catch (Exception bad) when (Inputs.IsBadInput(bad))
        {
            // The board or workload is refused on the first seed, as run refuses it.
            environment.Error.WriteLine($"dmactors: {bad.Message}");
            return ExitCodes.BadInput;
        }
        ReportWriter.Write(Document(outcome, Replay(boardFile, workloadFile, length, outcome.SeedsExplored)), output, environment.Out);
        return outcome.FailingSeed is null ? ExitCodes.Success : ExitCodes.VerificationFailed;
    }

    private static ReportDocument Document(ExploreOutcome outcome, string replay)
    {
        if (outcome.Report is { } failing)
        {
            string hint = string.Create(CultureInfo.InvariantCulture, $"seed {outcome.FailingSeed} fails verification; replay it with: {replay}");
            return WorkloadTables.Document(failing, outcome, [new ReportLine(hint, CellTone.Bad)]);
        }
        var none = new WorkloadReport(0, [], []);
        string verdict = string.Create(CultureInfo.InvariantCulture, $"{outcome.SeedsExplored} seeds explored ({outcome.RunMilliseconds} ms each): every schedule verified.");
        return new ReportDocument(outcome, [WorkloadTables.Channels(none), WorkloadTables.Controllers(none)], [], [new ReportLine(verdict, CellTone.Good)]);
    }

    /// <summary>The command that runs the same workload on the same board under <paramref name="seed"/> again.</summary>
    private static string Replay(FileInfo? board, FileInfo? workload, double ms, ulong seed)
    {
        string common = string.Create(CultureInfo.InvariantCulture, $"--ms {ms} --seed {seed}");
        string load = workload is null ? "" : $" --workload {workload.FullName}";
        // demo has no --workload: a workload on the demo board replays as a one-seed exploration.
        if (board is null) return workload is null ? $"dmactors demo {common}" : string.Create(CultureInfo.InvariantCulture, $"dmactors explore{load} --ms {ms} --seeds {seed}");
        return $"dmactors run {board.FullName}{load} {common}";
    }
}
