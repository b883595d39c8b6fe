namespace DmaActors.Actors.Devices;

/// <summary>
/// The request types of the PL330 peripheral handshake (drtype): a device asks for one beat or a
/// whole burst; the DMA may ask the device to flush its request state.
/// </summary>
public enum DrqKind
{
    /// <summary>drtype 00: one beat (<c>addr_width</c> bytes).</summary>
#pragma warning disable CA1720 // "single" is the PL330 handshake's own name for this request type.
    Single,
#pragma warning restore CA1720

    /// <summary>drtype 01: one burst (<c>maxburst × addr_width</c> bytes).</summary>
    Burst,
}
