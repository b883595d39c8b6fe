using DmaActors.Cli.Output;
using DmaActors.Examples.CameraDmaBuf;
using DmaActors.Mapping;
using DmaActors.Runtime;

namespace DmaActors.Cli;

/// <summary><c>dmactors demo --scenario camera</c>: the zero-copy camera → display pipeline (examples/CameraDmaBuf) and its report.</summary>
internal static class CameraScenario
{
    /// <summary>The scenario's table.</summary>
    public const string Table = "frames";

    public static int Execute(CameraPipelineOptions pipeline, RunOptions options, OutputSettings output, CliEnvironment environment)
    {
        if (options.Trace is not null || options.Timeline is not null || options.Plot is not null)
        {
            environment.Error.WriteLine("dmactors demo: --trace, --timeline and --plot belong to the board scenario, not to --scenario camera.");
            return ExitCodes.BadInput;
        }
        if (output.Format == OutputFormat.Csv && output.CsvTable != Table)
        {
            environment.Error.WriteLine($"dmactors demo: --scenario camera has one table, '{Table}', not '{output.CsvTable}'.");
            return ExitCodes.BadInput;
        }
        using var logging = CommandLogging.Start(options.Log, environment.Error);
        var settings = new SimulationSettings
        {
            Dispatcher = options.Seed is null ? DispatcherKind.ThreadPool : DispatcherKind.Deterministic,
            Seed = options.Seed,
            Clock = ClockKind.Virtual,
        };
        var system = Simulation.Create("camera", settings);
        try
        {
            var result = CameraDisplayPipeline.Run(system, pipeline);
            ReportWriter.Write(Document(result, pipeline), output, environment.Out);
            return result.FramesVerified == result.Frames && result.DebugReports == 0 ? ExitCodes.Success : ExitCodes.VerificationFailed;
        }
        catch (DmaMappingException bad)
        {
            environment.Error.WriteLine($"dmactors demo: {bad.Message}");
            return ExitCodes.BadInput;
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    private static ReportDocument Document(CameraPipelineResult result, CameraPipelineOptions pipeline)
    {
        var table = new ReportTable(
            Table,
            ["camera → display frames"],
            [
                new("frame", "frame", ReportColumn.Key),
                new("bytes", "bytes", 0),
                new("latency µs", "latency_us", 0),
                new("verified", "verified", 0, Numeric: false),
            ]);
        for (int i = 0; i < result.LatenciesNs.Count; i++)
        {
            double us = result.LatenciesNs[i] / 1000.0;
            bool ok = i < result.FramesVerified;
            table.AddRow(new(Figures.Count(i), i), new(Figures.Count(result.FrameBytes), result.FrameBytes), new(Figures.Fixed(us, 1), us), new(ok ? "byte-exact" : "MISMATCH", ok, ok ? CellTone.Plain : CellTone.Bad));
        }
        var lines = new List<ReportLine>
        {
            new($"cma={pipeline.Cma}: area '{result.CmaArea}', buffer at pa:0x{result.BufferPhys:x}; alloc_pages_success {result.CmaAllocPagesSuccess}, alloc_pages_fail {result.CmaAllocPagesFail}"),
            new($"csi (no IOMMU) maps it in {result.CameraSegments} segment at 0x{result.BufferPhys:x}; dsi (behind the SMMU) in {result.DisplaySegments} segment at IOVA 0x{result.DisplayIova:x} ({result.IommuPagesAtPeak} IOMMU pages)"),
            new($"{result.Frames} frames of {result.FrameBytes} bytes in {Runtime.Time.Duration.FromNanoseconds(result.ElapsedNs)} of virtual time: {Figures.Fixed(result.MegabytesPerSecond, 1)} MB/s; swiotlb bounces {result.SwiotlbBounces}, dma-debug reports {result.DebugReports}, buffer freed at last put: {(result.BufferReleased ? "yes" : "no")}",
                result.SwiotlbBounces == 0 && result.DebugReports == 0 ? CellTone.Plain : CellTone.Bad),
        };
        var json = new
        {
            result.Frames, result.FrameBytes, result.FramesVerified,
            LatenciesUs = result.LatenciesNs.Select(ns => ns / 1000.0).ToArray(),
            ElapsedUs = result.ElapsedNs / 1000.0, result.MegabytesPerSecond,
            Cma = pipeline.Cma, result.CmaArea, result.CmaAllocPagesSuccess, result.CmaAllocPagesFail, result.BufferPhys,
            result.CameraSegments, result.DisplaySegments, result.DisplayIova, result.IommuPagesAtPeak,
            result.SwiotlbBounces, result.DebugReports, result.BufferReleased,
        };
        return new ReportDocument(json, [table], [], lines);
    }
}
