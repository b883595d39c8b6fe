namespace DmaActors.Api;

/// <summary>What <c>callback_result</c> receives.</summary>
/// <param name="Result">Kernel: <c>result</c>.</param>
/// <param name="Residue">Kernel: <c>residue</c>: bytes not transferred.</param>
/// <remarks>Kernel: <c>struct dmaengine_result</c>.</remarks>
public readonly record struct DmaengineResult(DmaengineTxResult Result, long Residue);
