using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>
/// A channel taken through the device tree: who asked, which <c>dmas</c> entry served, through
/// which router if any, and the channel. Raised by <see cref="OfDmaLookup.ChannelTaken"/> once
/// the controller's xlate gave the channel (the request line is known from here: board wiring
/// listens), and by <see cref="OfDmaLookup.ChannelReleased"/> after the channel is released (and
/// its route freed).
/// </summary>
/// <param name="Consumer">The consumer node.</param>
/// <param name="Name">The <c>dma-names</c> entry.</param>
/// <param name="Index">The index of the <c>dmas</c> entry that served (with a repeated name, the rotation's pick).</param>
/// <param name="Router">The router (crossbar) it went through, or null.</param>
/// <param name="ConsumerCells">The consumer's specifier cells, as written.</param>
/// <param name="Controller">The controller that gave the channel (a router's master).</param>
/// <param name="Cells">The specifier the controller translated (a router's rewrite; cell 0 is the request line).</param>
/// <param name="Chan">The channel.</param>
public sealed record OfDmaRequest(DtNode Consumer, string Name, int Index, IDmaRouter? Router, IReadOnlyList<uint> ConsumerCells, DtNode Controller, IReadOnlyList<uint> Cells, DmaChan Chan);
