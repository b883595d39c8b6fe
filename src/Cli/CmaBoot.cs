using DmaActors.Boards;
using DmaActors.Mapping;
using DmaActors.Mapping.Cma;

namespace DmaActors.Cli;

/// <summary>
/// <c>dmactors run BOARD --cma …</c>: the board's boot-time CMA reservation, the <c>cma=</c> area and
/// the board's <c>/reserved-memory</c> CMA pools over its RAM, logged as the kernel logs them (CMA-2, CMA-4).
/// A reservation the kernel would refuse is bad input (exit 2).
/// </summary>
internal static class CmaBoot
{
    public static void Report(SimulatedBoard board, string cma, TextWriter diagnostics)
    {
        var platform = new Platform(board.Engine.Memory, new PlatformOptions { Cma = CmaParameter.Parse(cma), SwiotlbBytes = 0 });
        var rmem = ReservedMemory.Setup(platform, board.Tree);
        foreach (var line in rmem.Log) diagnostics.WriteLine($"cma: {line}");
        foreach (var area in platform.CmaAreas)
            diagnostics.WriteLine($"cma: area '{area.Name}' at {area.Base}, {area.Size >> 20} MiB{(area == platform.DefaultCmaArea ? " (default)" : string.Empty)}");
    }
}
