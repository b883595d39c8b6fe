namespace DmaActors.Actors.Devices;

/// <summary>
/// The bytes of a device's wire, kept for the code that drives it: for an RX device the bytes the
/// remote end is to send (appended by whoever feeds the wire, read by the device as its frames
/// arrive), for a TX device every byte the device put on the wire, in order. Appended and read
/// from different threads (the driver's and the device actor's), so every access takes a lock.
/// </summary>
public sealed class WireLog
{
    private readonly Lock _gate = new();
    private readonly List<byte> _bytes = [];

    /// <summary>Bytes in the log.</summary>
    public long Count
    {
        get
        {
            lock (_gate) return _bytes.Count;
        }
    }

    /// <summary>Adds <paramref name="bytes"/> at the end.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_gate) _bytes.AddRange(bytes);
    }

    /// <summary>Copies bytes <paramref name="start"/>… into <paramref name="destination"/>; positions past the end read 0 (a silent line).</summary>
    public void CopyTo(long start, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        lock (_gate)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                long index = start + i;
                destination[i] = index < _bytes.Count ? _bytes[(int)index] : (byte)0;
            }
        }
    }

    /// <summary>A copy of every byte so far.</summary>
    public byte[] ToArray()
    {
        lock (_gate) return [.. _bytes];
    }
}
