namespace DmaActors.Actors.Devices;

/// <summary>
/// A device FIFO's bytes: a ring of fixed capacity that takes bytes at the back (from the wire or
/// the DMA), gives them from the front, and takes them back at the front in their original order
/// (the unconsumed part of a DEV_TO_MEM request).
/// </summary>
/// <remarks>Owned by one device actor; not thread-safe.</remarks>
internal sealed class ByteRing
{
    private readonly byte[] _buffer;

    /// <summary>Index of the front byte.</summary>
    private int _head;

    public ByteRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _buffer = new byte[capacity];
    }

    public int Capacity => _buffer.Length;

    public int Count { get; private set; }

    public int Free => Capacity - Count;

    /// <summary>Appends <paramref name="bytes"/>; the caller has checked there is room.</summary>
    public void PushBack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Free) throw new InvalidOperationException($"FIFO overflow: {bytes.Length} bytes into {Free} free.");
        int tail = (_head + Count) % Capacity;
        int first = Math.Min(bytes.Length, Capacity - tail);
        bytes[..first].CopyTo(_buffer.AsSpan(tail));
        bytes[first..].CopyTo(_buffer);
        Count += bytes.Length;
    }

    /// <summary>Puts <paramref name="bytes"/> back in front of the current front, keeping their order.</summary>
    public void PushFront(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Free) throw new InvalidOperationException($"FIFO overflow: {bytes.Length} bytes put back into {Free} free.");
        _head = ((_head - bytes.Length) % Capacity + Capacity) % Capacity;
        int first = Math.Min(bytes.Length, Capacity - _head);
        bytes[..first].CopyTo(_buffer.AsSpan(_head));
        bytes[first..].CopyTo(_buffer);
        Count += bytes.Length;
    }

    /// <summary>Removes the front <paramref name="destination"/>.Length bytes into <paramref name="destination"/>.</summary>
    public void PopFront(Span<byte> destination)
    {
        if (destination.Length > Count) throw new InvalidOperationException($"FIFO underflow: {destination.Length} bytes from {Count}.");
        int first = Math.Min(destination.Length, Capacity - _head);
        _buffer.AsSpan(_head, first).CopyTo(destination);
        _buffer.AsSpan(0, destination.Length - first).CopyTo(destination[first..]);
        _head = (_head + destination.Length) % Capacity;
        Count -= destination.Length;
    }
}
