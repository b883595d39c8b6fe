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
            // One block copy per burst, not a bounds-checked read per byte; past the end reads 0.
            var logged = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes);
            int from = (int)Math.Min(start, logged.Length);
            int copied = Math.Min(destination.Length, logged.Length - from);
            logged.Slice(from, copied).CopyTo(destination);
            destination[copied..].Clear();
        }
    }

    /// <summary>A copy of every byte so far.</summary>
    public byte[] ToArray()
    {
        lock (_gate) return [.. _bytes];
    }
}
