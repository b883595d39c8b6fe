using DmaActors.DeviceTree;

namespace DmaActors.Boards;

/// <summary>One <c>dma-names</c> entry of a consumer, resolved: to which controller, which request line and cells, and with which peripheral model.</summary>
/// <param name="Node">The consumer node.</param>
/// <param name="DevName">The consumer's kernel device name (<c>44e09000.serial</c>).</param>
/// <param name="Name">The <c>dma-names</c> entry.</param>
/// <param name="Index">Its index in <c>dmas</c>.</param>
/// <param name="Provider">The controller or router its phandle names (null when it names none).</param>
/// <param name="Cells">The specifier cells.</param>
/// <param name="Controller">The controller that serves it: the provider, or a router's master (null when none).</param>
/// <param name="Line">The request line, when known before any request (null behind a DRA7 crossbar).</param>
/// <param name="PeripheralModel">The peripheral model's name (<c>uart-115200-rx</c>), or null.</param>
/// <param name="State">Wired, wired at request, no peripheral, deferred, or invalid.</param>
/// <param name="Reason">Why it is deferred, invalid or has no peripheral; null when wired.</param>
public sealed record BoardConsumerChannel(DtNode Node, string DevName, string Name, int Index, DtNode? Provider, IReadOnlyList<uint> Cells, DtNode? Controller, int? Line, string? PeripheralModel, BoardChannelState State, string? Reason);
