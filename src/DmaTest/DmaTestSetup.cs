namespace DmaActors.DmaTest;

/// <summary>What every thread of a run shares: the parameter snapshot, the log, the hooks and the effective polled flag (T-1, T-4).</summary>
/// <param name="Params">The parameters.</param>
/// <param name="Log">The log.</param>
/// <param name="Hooks">Test hooks, or null.</param>
/// <param name="Polled">polled, after DMA_COMPLETION_NO_ORDER devices forced it off.</param>
internal sealed record DmaTestSetup(DmaTestParameters Params, DmaTestLog Log, DmaTestHooks? Hooks, bool Polled);
