using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.DeviceTree;
using DmaActors.Runtime;

namespace DmaActors.Boards;

/// <summary>One DMA stream of a consumer node: a simulated peripheral FIFO wired to a controller's request line.</summary>
/// <param name="Node">The consumer node (e.g. <c>/ocp/spi@48030000</c>).</param>
/// <param name="DevName">Its Linux device name (e.g. <c>48030000.spi</c>), what <see cref="DmaEngine.RequestChan"/> takes.</param>
/// <param name="ChannelName">The <c>dma-names</c> entry (e.g. <c>tx0</c>).</param>
/// <param name="Line">The request line the specifier names.</param>
/// <param name="Direction">MEM_TO_DEV for "tx…", DEV_TO_MEM for "rx…".</param>
/// <param name="Profile">The peripheral's FIFO and wire.</param>
/// <param name="Device">The peripheral actor.</param>
/// <param name="Pattern">The data it sends or expects.</param>
public sealed record BoardPeripheral(DtNode Node, string DevName, string ChannelName, int Line, TransferDirection Direction, DeviceProfile Profile, IActorRef Device, DataPattern Pattern);
