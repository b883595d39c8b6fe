namespace DmaActors.Actors.Devices;

/// <summary>A device's running counts, owned by its actor; <see cref="DeviceStatsReply"/> is their published form.</summary>
internal sealed class DeviceCounters
{
    public long WireBytes { get; set; }

    public long DmaBytes { get; set; }

    public long Overruns { get; set; }

    public long BytesLost { get; set; }

    public long Underruns { get; set; }

    public long Mismatches { get; set; }

    public long FirstMismatchIndex { get; set; } = -1;

    public long Requests { get; set; }

    public long BurstRequests { get; set; }

    public long SingleRequests { get; set; }

    public long LastRequests { get; set; }

    public long Flushes { get; set; }

    public long BytesReturned { get; set; }

    public long Blocks { get; set; }
}
