using System.CommandLine;
using System.Globalization;
using DmaActors.Boards.Workloads;
using DmaActors.Cli.Output;
using DmaActors.Cli.Sweeps;
using DmaActors.Cluster;

namespace DmaActors.Cli;

/// <summary><c>dmactors explore</c>: one workload under many seeds of the deterministic dispatcher, until one fails verification.</summary>
internal static class ExploreCommand
{
    /// <summary>The kind of a cluster job of explore's seeds (item i is seed i + 1).</summary>
    public const string JobKind = "explore";

    public static Command Create(CliEnvironment environment)
    {
        var options = new ExploreOptions();
        var output = new OutputOptions(WorkloadTables.Names);
        var cluster = new ClusterOptions();
        var command = new Command("explore", "Run a workload under many seeds of the deterministic dispatcher and report the first seed whose data fails verification (its tables, and how to replay it).")
            .WithExample("dmactors explore --seeds 200 --ms 1");
        options.AddTo(command, output);
        cluster.AddTo(command);
        command.SetAction(r => Execute(options.Read(r), output.Read(r, environment), cluster.Endpoint(r), cluster.Record(r), environment));
        return command;
    }

    private static int Execute(ExploreRequest request, OutputSettings output, ClusterEndpoint? at, FileInfo? record, CliEnvironment environment)
    {
        if (!ExploreJob.TryLoad(request, environment.Error, out var job)) return ExitCodes.BadInput;
        ulong last = (ulong)request.Seeds;
        ExploreOutcome outcome;
        try
        {
            if (at is null)
            {
                outcome = TerminalProgress.Run(environment, output.ColourAllowed, $"exploring {last} seeds", progress =>
                {
                    for (ulong s = 1; s <= last; s++)
                    {
                        // What the board leaves out is said once, with the first seed.
                        var report = job!.RunSeed(s, s == 1 ? environment.Error : TextWriter.Null);
                        progress?.Invoke(s / (double)last);
                        if (report.HasVerificationFailures) return new ExploreOutcome(s, job.Length, s, report);
                    }
                    return new ExploreOutcome(last, job!.Length, null, null);
                });
            }
            else
            {
                var swept = Sweep.Run(at, new ClusterJob(JobKind, request.ToArguments(), request.Seeds, StopAtFirstFailure: true), record, environment.Error, out int exitCode);
                if (swept is null) return exitCode;
                // The lowest failing seed is run once more here for its tables: a seed replays exactly.
                outcome = swept.LowestFailure is { } item
                    ? new ExploreOutcome((ulong)item + 1, job!.Length, (ulong)item + 1, job.RunSeed((ulong)item + 1, TextWriter.Null))
                    : new ExploreOutcome(last, job!.Length, null, null);
            }
        }
        catch (Exception bad) when (Inputs.IsBadInput(bad))
        {
            // The board or workload is refused on the first seed, as run refuses it.
            environment.Error.WriteLine($"dmactors: {bad.Message}");
            return ExitCodes.BadInput;
        }
        ReportWriter.Write(Document(outcome, Replay(request.Board, request.Workload, job!.Length, outcome.SeedsExplored)), output, environment.Out);
        return outcome.FailingSeed is null ? ExitCodes.Success : ExitCodes.VerificationFailed;
    }

    /// <summary>A cluster worker's runner of explore's seeds: item i runs seed i + 1 exactly as the command does.</summary>
    public static IWorkRunner Runner(IReadOnlyList<string> arguments)
    {
        var request = ExploreOptions.Parse(arguments);
        var problems = new StringWriter();
        if (!ExploreJob.TryLoad(request, problems, out var job)) throw new FormatException(problems.ToString().Trim());
        return new SeedRunner(job!);
    }

    private sealed class SeedRunner(ExploreJob job) : IWorkRunner
    {
        public ItemResult Run(int item)
        {
            try
            {
                var report = job.RunSeed((ulong)item + 1, TextWriter.Null);
                return new ItemResult(report.HasVerificationFailures ? ItemStatus.Failed : ItemStatus.Passed, "");
            }
            catch (Exception bad) when (Inputs.IsBadInput(bad))
            {
                return new ItemResult(ItemStatus.Refused, bad.Message);
            }
        }
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
