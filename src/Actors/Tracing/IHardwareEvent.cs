namespace DmaActors.Actors.Tracing;

/// <summary>
/// Marks a message that is a hardware event worth a waveform or timeline entry (a DRQ edge, a bus
/// grant, a descriptor start or end, a fault). The runtime's tracing hook sees every message;
/// <see cref="HardwareTracer"/> keeps these, stamped with virtual time.
/// </summary>
public interface IHardwareEvent
{
    /// <summary>A short label for traces, e.g. <c>grant ch2 64B</c>.</summary>
    string Describe();
}
