using System.Globalization;
using DmaActors.Actors.Tracing;
using DmaActors.Api.Board;
using DmaActors.Api.DeviceTree;
using DmaActors.Api.Workloads;
using DmaActors.Runtime;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace DmaActors.Cli;

/// <summary>Runs a workload on a board in a fresh actor system and exports what was asked for.</summary>
internal static class Simulation
{
    public static WorkloadReport Run(DeviceTree tree, Workload workload, RunOptions options, Action<double>? progress, TextWriter diagnostics)
    {
        using var logger = CreateLogger(options.Log);
        using var loggerFactory = new SerilogLoggerFactory(logger);
        var settings = new ActorSystemSettings
        {
            Dispatcher = options.Seed is null ? DispatcherKind.ThreadPool : DispatcherKind.Deterministic,
            Seed = options.Seed,
            Clock = ClockKind.Virtual,
            LoggerFactory = loggerFactory,
        };
        using var system = ActorSystem.Create("dmactors", settings);
        HardwareTracer? tracer = null;
        if (options.Trace is not null || options.Timeline is not null)
        {
            tracer = new HardwareTracer(system.Clock);
            system.Tracer = tracer;
        }
        var board = BoardLoader.Load(system, tree);
        var report = new WorkloadRunner(board).Run(workload, progress);
        if (tracer is not null) Export(tracer, options, diagnostics);
        system.Shutdown(ShutdownMode.Immediate);
        return report;
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

    private static Serilog.Core.Logger CreateLogger(FileInfo? file)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Information()
            .WriteTo.Console(restrictedToMinimumLevel: Serilog.Events.LogEventLevel.Warning, standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture);
        if (file is not null) configuration = configuration.WriteTo.File(file.FullName, formatProvider: CultureInfo.InvariantCulture);
        return configuration.CreateLogger();
    }
}
