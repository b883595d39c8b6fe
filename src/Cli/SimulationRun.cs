using System.Diagnostics;
using System.Globalization;
using Akka.Event;
using DmaActors.Actors.Tracing;
using DmaActors.Boards;
using DmaActors.DeviceTree;
using DmaActors.Boards.Workloads;
using DmaActors.Runtime;
using Serilog;

namespace DmaActors.Cli;

/// <summary>Runs a workload on a board in a fresh simulated world and exports what was asked for.</summary>
internal static class SimulationRun
{
    /// <summary>
    /// Brings the board up, lists on <paramref name="diagnostics"/> what it left out (deferrals,
    /// channels without a peripheral model, binding problems), and runs <paramref name="workload"/>,
    /// or the board's own load when it is null.
    /// </summary>
    /// <exception cref="BoardProblemsException">A binding has an error (all were listed).</exception>
    /// <param name="wall">Told the wall time of the workload's run (not of start-up, board parsing and bring-up, nor shut-down).</param>
    public static WorkloadReport Run(DtTree tree, Workload? workload, RunOptions options, Action<double>? progress, TextWriter diagnostics, double? boardLoadMilliseconds = null, Action<TimeSpan>? wall = null)
    {
        using var logging = CommandLogging.Start(options.Log, diagnostics);
        var settings = new SimulationSettings
        {
            Dispatcher = options.Seed is null ? DispatcherKind.ThreadPool : DispatcherKind.Deterministic,
            Seed = options.Seed,
            Clock = ClockKind.Virtual,
            LogLevel = options.Log is null ? LogLevel.WarningLevel : LogLevel.InfoLevel,
        };
        var system = Simulation.Create("dmactors", settings);
        try
        {
            var world = system.Simulation();
            HardwareTracer? tracer = null;
            if (options.Trace is not null || options.Timeline is not null)
            {
                tracer = new HardwareTracer(world.Clock);
                world.Tracer = tracer;
            }
            var board = BoardLoader.Load(system, tree);
            BoardReport.WriteLeftOut(board, diagnostics);
            if (board.Errors.Count() is > 0 and var errors) throw new BoardProblemsException(errors);
            if (options.Cma is { } cma) CmaBoot.Report(board, cma, diagnostics);
            var load = workload ?? BoardWorkload.From(board, boardLoadMilliseconds ?? 50);
            long started = Stopwatch.GetTimestamp();
            var report = new WorkloadRunner(board).Run(load, progress);
            wall?.Invoke(Stopwatch.GetElapsedTime(started));
            if (tracer is not null) Export(tracer, options, diagnostics);
            return report;
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    private static void Export(HardwareTracer tracer, RunOptions options, TextWriter diagnostics)
    {
        var records = tracer.Records;
        if (options.Trace is { } vcd)
        {
            using var writer = new StreamWriter(vcd.FullName);
            VcdWriter.Write(WaveformSignals.From(records), writer, "dmactors");
            diagnostics.WriteLine($"waveform: {vcd.FullName} ({records.Count} events; open with GTKWave)");
        }
        if (options.Timeline is { } timeline)
        {
            using var stream = File.Create(timeline.FullName);
            ChromeTraceWriter.Write(records, stream);
            diagnostics.WriteLine($"timeline: {timeline.FullName} (open in Perfetto or chrome://tracing)");
        }
    }
}
