namespace DmaActors.Actors.Memory;

/// <summary>How a bus access ended. A fault is a status, never an exception: hardware reports, it does not throw.</summary>
public enum BusStatus
{
    /// <summary>The access completed.</summary>
    Ok,

    /// <summary>A read hit no RAM, or a read error was injected.</summary>
    ReadError,

    /// <summary>A write hit no RAM, or a write error was injected.</summary>
    WriteError,
}
