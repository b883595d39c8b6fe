using DmaActors.DeviceTree;
using DmaActors.Api.Provider;

namespace DmaActors.Boards;

/// <summary>A DMA controller node of the board and the dmaengine device registered for it.</summary>
/// <param name="Node">The controller node.</param>
/// <param name="Device">The registered device.</param>
/// <param name="Compatible">The compatible its preset was chosen by.</param>
public sealed record BoardController(DtNode Node, DmaDevice Device, string Compatible);
