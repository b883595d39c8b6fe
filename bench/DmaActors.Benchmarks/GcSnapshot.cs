using System.Globalization;

namespace DmaActors.Benchmarks;

/// <summary>Collections and pause time so far, to say how much of a phase the GC took.</summary>
internal readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcSnapshot Take() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: false));

    /// <summary>What the GC did since this snapshot, as one phrase.</summary>
    public string Since()
    {
        var now = Take();
        return string.Create(CultureInfo.InvariantCulture,
            $"GC: {(now.Allocated - Allocated) / 1048576.0:F0} MiB allocated, gen0/1/2 {now.Gen0 - Gen0}/{now.Gen1 - Gen1}/{now.Gen2 - Gen2}, paused {(now.Paused - Paused).TotalMilliseconds:F0} ms");
    }
}
