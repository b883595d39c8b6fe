namespace DmaActors.Cli;

/// <summary>Options every simulation command shares.</summary>
/// <param name="Trace">Write a VCD waveform here.</param>
/// <param name="Timeline">Write a Chrome trace-event timeline here.</param>
/// <param name="Log">Also log to this file.</param>
/// <param name="Seed">Run on the deterministic dispatcher with this seed (default: the thread pool).</param>
/// <param name="Plot">Write bandwidth-over-time plots into this folder.</param>
internal sealed record RunOptions(FileInfo? Trace, FileInfo? Timeline, FileInfo? Log, ulong? Seed, DirectoryInfo? Plot = null, string? Cma = null)
{
    /// <summary>Nothing exported, nothing logged, on the thread pool.</summary>
    public static RunOptions None { get; } = new(null, null, null, null);
}
