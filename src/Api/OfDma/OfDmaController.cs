using DmaActors.Api.Provider;
using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>A controller node registered for device-tree lookups. Kernel: <c>struct of_dma</c>.</summary>
/// <param name="Node">The controller's node.</param>
/// <param name="Device">The registered dmaengine device behind it.</param>
/// <param name="Xlate">How specifiers are translated.</param>
public sealed record OfDmaController(DtNode Node, DmaDevice Device, OfDmaXlate Xlate);
