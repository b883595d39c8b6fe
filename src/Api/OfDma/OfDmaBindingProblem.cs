using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>
/// Something wrong with a consumer's <c>dmas</c>/<c>dma-names</c>, found when the board is loaded:
/// which node, which channel name, the contract rule, and whether the kernel would accept it
/// anyway (a warning: nothing fails) or a request would fail there too (an error).
/// </summary>
/// <param name="Consumer">The consumer node.</param>
/// <param name="Channel">The <c>dma-names</c> entry concerned, or null for the whole binding.</param>
/// <param name="Rule">The contract rule (<c>O-1</c>, <c>O-2</c>, <c>O-3</c>, <c>O-5</c>, <c>O-10</c>...).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="KernelAccepts">True when the kernel accepts this binding (nothing it does fails because of it): reported as a warning.</param>
public sealed record OfDmaBindingProblem(DtNode Consumer, string? Channel, string Rule, string Message, bool KernelAccepts)
{
    /// <summary>"error" or "warning".</summary>
    public string Severity => KernelAccepts ? "warning" : "error";

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Consumer.Path}{(Channel is null ? "" : $" \"{Channel}\"")}: {Severity} ({Rule}): {Message}{(KernelAccepts ? " (the kernel would accept this)" : "")}";
}
