using DmaActors.Boards.Workloads;
using DmaActors.Cli.Output;
using DmaActors.Cli.Plots;
using DmaActors.DeviceTree;

namespace DmaActors.Cli;

/// <summary>The body <c>demo</c> and <c>run</c> share: check the output paths, run the workload, report it, plot it, exit code.</summary>
internal static class WorkloadCommand
{
    public static int Execute(DtTree tree, Workload workload, RunOptions options, OutputSettings output, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return Execute(tree, workload, workload.RunMilliseconds, options, output, environment);
    }

    /// <summary>Runs <paramref name="workload"/>, or the load made from the board when it is null, for <paramref name="milliseconds"/>.</summary>
    public static int Execute(DtTree tree, Workload? workload, double milliseconds, RunOptions options, OutputSettings output, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (!OutputPaths.CanWrite(options, environment.Error)) return ExitCodes.BadInput;
        WorkloadReport report;
        var wall = TimeSpan.Zero;
        try
        {
            report = TerminalProgress.Run(environment, output.ColourAllowed, $"simulating {milliseconds} ms",
                progress => SimulationRun.Run(tree, workload, options, progress, environment.Error, milliseconds, w => wall = w));
        }
        catch (Exception bad) when (Inputs.IsBadInput(bad))
        {
            environment.Error.WriteLine($"dmactors: {bad.Message}");
            return ExitCodes.BadInput;
        }
        var timing = new WallTiming(wall.TotalSeconds, report.RunNanoseconds / 1e9);
        ReportWriter.Write(WorkloadTables.Document(report) with { Timing = new ReportTiming(timing, "the run") }, output, environment.Out);
        if (options.Plot is { } directory)
        {
            var files = BandwidthPlots.Write(report, directory);
            environment.Error.WriteLine($"plots: {directory.FullName}: bandwidth.svg and one bandwidth-CHANNEL.svg per channel, each also as .png ({files.Count} files)");
        }
        return report.HasVerificationFailures ? ExitCodes.VerificationFailed : ExitCodes.Success;
    }
}
