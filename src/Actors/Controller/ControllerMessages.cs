using Akka.Actor;
using DmaActors.Actors.Channels;

namespace DmaActors.Actors.Controller;

// Everything a controller actor is told, and what it answers. It builds its arbiter and physical
// channels when it starts, and a virtual channel's actors the first time the channel is opened
// (the kernel allocates a channel's resources when a client requests it), so a controller with
// very many channels costs little until they are used.

/// <summary>Asks for the controller's shared actors and channel names. Reply: <see cref="ControllerTopologyReply"/>.</summary>
public sealed record GetControllerTopology
{
    /// <summary>The one instance.</summary>
    public static readonly GetControllerTopology Instance = new();
}

/// <summary>Reply: the actors every channel shares, and the names of the virtual channels.</summary>
/// <param name="Arbiter">The arbiter (also where devices send their DRQs).</param>
/// <param name="PhysicalChannels">Physical channels by index.</param>
/// <param name="VirtualChannelNames">The virtual channels' sysfs-style names, <c>dma{id}chan{n}</c>, by index.</param>
public sealed record ControllerTopologyReply(IActorRef Arbiter, IReadOnlyList<IActorRef> PhysicalChannels, IReadOnlyList<string> VirtualChannelNames);

/// <summary>Opens virtual channel <see cref="Index"/>: its actors are started on first open. Reply: <see cref="OpenVirtualChannelReply"/>.</summary>
/// <param name="Index">The channel's number.</param>
public sealed record OpenVirtualChannel(int Index);

/// <summary>Reply: the channel's port (its actor, cookies and published status).</summary>
/// <param name="Port">The channel's client side.</param>
public sealed record OpenVirtualChannelReply(VirtualChannelPort Port);
