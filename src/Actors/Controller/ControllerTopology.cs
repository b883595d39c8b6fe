using DmaActors.Runtime;

namespace DmaActors.Actors.Controller;

/// <summary>The actors of a started controller.</summary>
/// <param name="Arbiter">The arbiter (also where devices send DRQs).</param>
/// <param name="PhysicalChannels">Physical channels by index.</param>
/// <param name="VirtualChannels">Virtual channels by index.</param>
/// <param name="VirtualChannelNames">Their sysfs-style names, <c>dma{id}chan{n}</c>.</param>
/// <param name="Submitters">Per virtual channel, the submitter that hands out cookies without waiting for the channel.</param>
public sealed record ControllerTopology(IActorRef Arbiter, IReadOnlyList<IActorRef> PhysicalChannels, IReadOnlyList<IActorRef> VirtualChannels, IReadOnlyList<string> VirtualChannelNames, IReadOnlyList<Channels.VirtualChannelSubmitter> Submitters);

/// <summary>Asks a controller actor for its <see cref="ControllerTopology"/>.</summary>
public sealed record QueryTopology
{
    /// <summary>The one instance.</summary>
    public static readonly QueryTopology Instance = new();
}
