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

/// <summary>
/// Opens virtual channel <see cref="Index"/> for a client (<c>device_alloc_chan_resources</c>):
/// its actors are started on first open; on a dedicated controller it is bound to a free hardware
/// thread. Reply: <see cref="OpenVirtualChannelReply"/>, or <see cref="OpenVirtualChannelRefusedReply"/>
/// when no thread is free.
/// </summary>
/// <param name="Index">The channel's number.</param>
public sealed record OpenVirtualChannel(int Index);

/// <summary>Reply: the channel's port (its actor, cookies and published status).</summary>
/// <param name="Port">The channel's client side.</param>
public sealed record OpenVirtualChannelReply(VirtualChannelPort Port);

/// <summary>Reply: the channel cannot be allocated (pl330: every hardware thread is bound, V-20).</summary>
/// <param name="Errno">The kernel errno name (<c>ENOMEM</c>).</param>
/// <param name="Reason">Why, for the message a client sees.</param>
public sealed record OpenVirtualChannelRefusedReply(string Errno, string Reason);

/// <summary>
/// The client gave virtual channel <see cref="Index"/> back (<c>device_free_chan_resources</c>,
/// after terminate and synchronize): a dedicated controller frees its hardware thread.
/// </summary>
/// <param name="Index">The channel's number.</param>
public sealed record CloseVirtualChannel(int Index);
