using System.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>The live heap the retained-memory reports subtract: before minus after, over what was created.</summary>
internal static class RetainedHeap
{
    /// <summary>Live heap bytes after full, compacting collections (the large-object heap included).</summary>
    public static long Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
