using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.DeviceTree;

namespace DmaActors.Boards;

/// <summary>
/// One DMA stream of a consumer node: a simulated peripheral FIFO wired to a controller's
/// request line. Wired at load when the line is known from the device tree; behind a router (or
/// for a name with several entries) wired when the channel is requested, on the line the request
/// gave, and wired again if a later request gives another.
/// </summary>
public sealed class BoardPeripheral
{
    private volatile IActorRef? _device;

    internal BoardPeripheral(DtNode node, string devName, string channelName, DmaTransferDirection direction, DeviceProfile profile, DataPattern pattern)
    {
        Node = node;
        DevName = devName;
        ChannelName = channelName;
        Direction = direction;
        Profile = profile;
        Pattern = pattern;
    }

    /// <summary>The consumer node (e.g. <c>/ocp/spi@48030000</c>).</summary>
    public DtNode Node { get; }

    /// <summary>Its kernel device name (e.g. <c>48030000.spi</c>), what <see cref="DmaEngine.RequestChan"/> takes.</summary>
    public string DevName { get; }

    /// <summary>The <c>dma-names</c> entry (e.g. <c>tx0</c>).</summary>
    public string ChannelName { get; }

    /// <summary>MEM_TO_DEV for "tx…", DEV_TO_MEM for "rx…".</summary>
    public DmaTransferDirection Direction { get; }

    /// <summary>The peripheral's FIFO and wire.</summary>
    public DeviceProfile Profile { get; }

    /// <summary>
    /// The bus address of its data register for this direction, from the node's <c>reg</c> and the
    /// driver's register offset (<see cref="PeripheralFifos"/>): what the driver must give as
    /// <c>src_addr</c>/<c>dst_addr</c> (DA-1). Null when unknown: descriptors are then not checked.
    /// </summary>
    public ulong? FifoAddress { get; internal init; }

    /// <summary>The data it sends or expects.</summary>
    public DataPattern Pattern { get; }

    /// <summary>The request line it is wired to; null until wired.</summary>
    public int? Line { get; internal set; }

    /// <summary>The registered controller it raises its requests at; null until wired.</summary>
    public BoardController? Controller { get; internal set; }

    /// <summary>The router its requests went through (the line is the router's choice), or null.</summary>
    public DtNode? RoutedVia { get; internal set; }

    /// <summary>The peripheral actor; null until wired.</summary>
    public IActorRef? Device
    {
        get => _device;
        internal set => _device = value;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{DevName}:{ChannelName}@{(Line is { } line ? line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}";
}
