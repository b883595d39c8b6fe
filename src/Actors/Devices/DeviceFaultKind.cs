namespace DmaActors.Actors.Devices;

/// <summary>A device FIFO fault that <see cref="InjectDeviceFault"/> forces.</summary>
public enum DeviceFaultKind
{
    /// <summary>
    /// The FIFO overflows: on a receiving device whose wire runs, the next frame from the wire is
    /// lost; otherwise the event is only counted.
    /// </summary>
    Overrun,

    /// <summary>
    /// The FIFO runs dry: on a transmitting device whose wire runs, the next frame slot sends
    /// silence (the data waits one frame); otherwise the event is only counted.
    /// </summary>
    Underrun,
}
