using System.Collections.Concurrent;

namespace DmaActors.Actors.Memory;

/// <summary>
/// Sparse physical memory of real bytes: 64 KiB frames allocated on first write, zero until then.
/// Transfers really copy bytes, so data can be verified end to end.
/// </summary>
/// <remarks>
/// Not an actor: memory has no behaviour of its own, and bus masters reach it directly inside
/// their burst (the arbiter has already serialized who owns the bus and when). Thread-safe for
/// accesses to disjoint byte ranges, which is what DMA does; overlapping concurrent writes race,
/// as they would on real hardware. An access outside RAM returns a bus error status.
/// </remarks>
public sealed class PhysicalMemory : IDmaMemory
{
    /// <summary>Bytes per page (the platform's MMU page; storage is allocated in larger frames).</summary>
    public const int PageSize = 4096;

    /// <summary>Storage granule: large enough that a bulk copy looks up few frames (16 per MiB), small enough for sparse use.</summary>
    public const int FrameSize = 1 << FrameShift;

    private const int FrameShift = 16;

    private readonly ConcurrentDictionary<ulong, byte[]> _pages = new(); // by frame number
    private readonly RamRegion[] _regions;

    /// <summary>Creates memory with the given address width and RAM regions.</summary>
    /// <param name="addressBits">32, 36, 40 or 64.</param>
    /// <param name="regions">Where RAM is; nothing else answers.</param>
    public PhysicalMemory(int addressBits, IEnumerable<RamRegion> regions)
    {
        if (addressBits is not (32 or 36 or 40 or 64))
            throw new ArgumentOutOfRangeException(nameof(addressBits), addressBits, "The physical address width must be 32, 36, 40 or 64 bits.");
        ArgumentNullException.ThrowIfNull(regions);
        AddressBits = addressBits;
        MaxAddress = addressBits == 64 ? ulong.MaxValue : (1UL << addressBits) - 1;
        _regions = [.. regions.OrderBy(r => r.Base)];
        if (_regions.Length == 0) throw new ArgumentException("Memory needs at least one RAM region.", nameof(regions));
        foreach (var region in _regions)
        {
            if (!region.IsWellFormed || region.Last > MaxAddress)
                throw new ArgumentException($"RAM region 0x{region.Base:x}+0x{region.Size:x} does not fit a {addressBits}-bit address space.", nameof(regions));
        }
        for (int i = 1; i < _regions.Length; i++)
        {
            if (_regions[i].Base <= _regions[i - 1].Last)
                throw new ArgumentException($"RAM regions at 0x{_regions[i - 1].Base:x} and 0x{_regions[i].Base:x} overlap.", nameof(regions));
        }
    }

    /// <summary>Physical address width in bits.</summary>
    public int AddressBits { get; }

    /// <summary>The highest physical address.</summary>
    public ulong MaxAddress { get; }

    /// <summary>The RAM regions, by address.</summary>
    public IReadOnlyList<RamRegion> Regions => _regions;

    /// <summary>Bytes of storage actually allocated (frames touched by a write).</summary>
    public long AllocatedBytes => (long)_pages.Count * FrameSize;

    /// <summary>A 32-bit memory with <paramref name="size"/> bytes of RAM at <paramref name="base"/>.</summary>
    public static PhysicalMemory Create(ulong @base, ulong size, int addressBits = 32) => new(addressBits, [new RamRegion(@base, size)]);

    /// <inheritdoc/>
    public bool CanAccess(ulong address, long length, bool write) => IsRam(address, length);

    /// <inheritdoc/>
    public DeferredWrites DeferredWrites { get; } = new();

    /// <summary>Whether the whole range is RAM.</summary>
    public bool IsRam(ulong address, long length)
    {
        foreach (var region in _regions)
        {
            if (region.Contains(address, length)) return true;
        }
        return false;
    }

    /// <summary>Reads into <paramref name="destination"/>; <see cref="BusStatus.ReadError"/> (nothing read) outside RAM.</summary>
    public BusStatus Read(ulong address, Span<byte> destination)
    {
        DeferredWrites.CatchUp();
        if (!IsRam(address, destination.Length)) return BusStatus.ReadError;
        while (!destination.IsEmpty)
        {
            int offset = (int)(address & (FrameSize - 1));
            int n = Math.Min(destination.Length, FrameSize - offset);
            if (_pages.TryGetValue(address >> FrameShift, out var frame)) frame.AsSpan(offset, n).CopyTo(destination);
            else destination[..n].Clear();
            destination = destination[n..];
            address += (ulong)n;
        }
        return BusStatus.Ok;
    }

    /// <summary>Writes <paramref name="source"/>; <see cref="BusStatus.WriteError"/> (nothing written) outside RAM.</summary>
    public BusStatus Write(ulong address, ReadOnlySpan<byte> source)
    {
        DeferredWrites.CatchUp();
        if (!IsRam(address, source.Length)) return BusStatus.WriteError;
        while (!source.IsEmpty)
        {
            int offset = (int)(address & (FrameSize - 1));
            int n = Math.Min(source.Length, FrameSize - offset);
            source[..n].CopyTo(Frame(address).AsSpan(offset, n));
            source = source[n..];
            address += (ulong)n;
        }
        return BusStatus.Ok;
    }

    /// <summary>Fills <paramref name="length"/> bytes with <paramref name="value"/>.</summary>
    public BusStatus Fill(ulong address, byte value, long length)
    {
        DeferredWrites.CatchUp();
        if (!IsRam(address, length)) return BusStatus.WriteError;
        while (length > 0)
        {
            int offset = (int)(address & (FrameSize - 1));
            int n = (int)Math.Min(length, FrameSize - offset);
            Frame(address).AsSpan(offset, n).Fill(value);
            length -= n;
            address += (ulong)n;
        }
        return BusStatus.Ok;
    }

    /// <summary>Copies within memory, frame piece by frame piece, without a staging buffer.</summary>
    public BusStatus Copy(ulong source, ulong destination, long length)
    {
        DeferredWrites.CatchUp();
        if (!IsRam(source, length)) return BusStatus.ReadError;
        if (!IsRam(destination, length)) return BusStatus.WriteError;
        while (length > 0)
        {
            int srcOffset = (int)(source & (FrameSize - 1));
            int dstOffset = (int)(destination & (FrameSize - 1));
            int n = (int)Math.Min(length, Math.Min(FrameSize - srcOffset, FrameSize - dstOffset));
            var target = Frame(destination).AsSpan(dstOffset, n);
            if (_pages.TryGetValue(source >> FrameShift, out var from)) from.AsSpan(srcOffset, n).CopyTo(target);
            else target.Clear();
            length -= n;
            source += (ulong)n;
            destination += (ulong)n;
        }
        return BusStatus.Ok;
    }

    private byte[] Frame(ulong address) => _pages.GetOrAdd(address >> FrameShift, static _ => new byte[FrameSize]);
}
