using DmaActors.DeviceTree;

namespace DmaActors.Boards;

/// <summary>A node with <c>#dma-cells</c> (a DMA controller or router) and what became of it.</summary>
/// <param name="Node">The node.</param>
/// <param name="DevName">Its kernel device name (<c>49000000.dma</c>).</param>
/// <param name="Compatible">Its first compatible (or the one a model was chosen by).</param>
/// <param name="State">Registered, a router, not modelled, disabled, or failed.</param>
/// <param name="Model">The model chosen (<c>edma3-am335x</c>, <c>pl080</c>, <c>ti,dra7-dma-crossbar</c>…), or null.</param>
/// <param name="Reason">Why it is not registered, or null.</param>
/// <param name="Channels">Channels of the registered device (0 otherwise).</param>
/// <param name="RequestLines">Request lines of the registered device, or a router's inputs.</param>
/// <param name="Master">A router's master node, or null.</param>
public sealed record BoardDmaProvider(DtNode Node, string DevName, string Compatible, BoardProviderState State, string? Model, string? Reason, int Channels, int RequestLines, DtNode? Master);
