namespace DmaActors.Actors.Arbitration;

/// <summary>What the arbiter has granted so far.</summary>
/// <param name="BytesPerChannel">Bus bytes granted to each physical channel.</param>
/// <param name="GrantsPerChannel">Bursts granted to each physical channel.</param>
/// <param name="BusyNanoseconds">Virtual time the bus was busy.</param>
public sealed record ArbiterStats(IReadOnlyList<long> BytesPerChannel, IReadOnlyList<long> GrantsPerChannel, long BusyNanoseconds);

/// <summary>Asks the arbiter for its <see cref="ArbiterStats"/>.</summary>
public sealed record QueryArbiterStats
{
    /// <summary>The one instance.</summary>
    public static readonly QueryArbiterStats Instance = new();
}

/// <summary>Wiring: the arbiter's physical channels, by index.</summary>
/// <param name="Channels">The physical channel actors.</param>
public sealed record AttachPhysicalChannels(IReadOnlyList<Runtime.IActorRef> Channels);

/// <summary>Arbiter → physical channel: hand your descriptor back at this burst boundary; others are waiting.</summary>
public sealed record PreemptTransfer
{
    /// <summary>The one instance.</summary>
    public static readonly PreemptTransfer Instance = new();
}
