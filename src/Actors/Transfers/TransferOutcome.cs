namespace DmaActors.Actors.Transfers;

/// <summary>The result a completion callback receives. Kernel: <c>struct dmaengine_result</c>.</summary>
/// <param name="Result">How the descriptor ended.</param>
/// <param name="Residue">Bytes not transferred.</param>
public readonly record struct TransferOutcome(TransferResult Result, long Residue);
