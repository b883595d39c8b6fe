using DmaActors.Actors.Memory;

namespace DmaActors.Mapping;

/// <summary>
/// A write-back CPU data cache over physical memory, by cache line: what makes a forgotten sync
/// visible. CPU writes stay in dirty lines until cleaned; lines the CPU has read stay valid (and go
/// stale under DMA) until invalidated. Coherent devices snoop it; non-coherent ones do not.
/// </summary>
/// <remarks>
/// Kernel twin: <c>arch_sync_dma_for_device()</c> cleans (arm64 <c>dcache_clean_poc</c>),
/// <c>arch_sync_dma_for_cpu()</c> invalidates (<c>dcache_inval_poc</c>, which cleans partial
/// lines at the edges). Deviation from silicon: the cache never evicts on its own, so stale
/// and lost data are deterministic rather than timing dependent. Callers hold the platform lock.
/// </remarks>
internal sealed class CpuCache(PhysicalMemory memory, int lineSize)
{
    /// <summary>Cached lines by line address; Dirty means memory is older than the line.</summary>
    private readonly Dictionary<ulong, (byte[] Data, bool Dirty)> _lines = [];

    /// <summary>Page frames mapped uncached (non-coherent coherent allocations): CPU goes straight to memory.</summary>
    private readonly HashSet<ulong> _uncachedPages = [];

    public int LineSize { get; } = lineSize;

    public int DirtyLines => _lines.Values.Count(l => l.Dirty);

    public void SetUncached(ulong pfn, bool uncached)
    {
        if (uncached) _uncachedPages.Add(pfn);
        else _uncachedPages.Remove(pfn);
    }

    public BusStatus Read(ulong pa, Span<byte> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            ulong at = pa + (ulong)done;
            if (_uncachedPages.Contains(at >> 12))
            {
                // Uncached mapping: straight to RAM, up to the end of the line.
                int direct = Math.Min(destination.Length - done, LineSize - (int)(at % (ulong)LineSize));
                if (memory.Read(at, destination.Slice(done, direct)) != BusStatus.Ok) return BusStatus.ReadError;
                done += direct;
                continue;
            }
            var line = Line(at, out int offset, fill: true);
            if (line is null) return BusStatus.ReadError;
            int n = Math.Min(destination.Length - done, LineSize - offset);
            line.AsSpan(offset, n).CopyTo(destination[done..]);
            done += n;
        }
        return BusStatus.Ok;
    }

    public BusStatus Write(ulong pa, ReadOnlySpan<byte> source)
    {
        int done = 0;
        while (done < source.Length)
        {
            ulong at = pa + (ulong)done;
            if (_uncachedPages.Contains(at >> 12))
            {
                int direct = Math.Min(source.Length - done, LineSize - (int)(at % (ulong)LineSize));
                if (memory.Write(at, source.Slice(done, direct)) != BusStatus.Ok) return BusStatus.WriteError;
                done += direct;
                continue;
            }
            var line = Line(at, out int offset, fill: true);
            if (line is null) return BusStatus.WriteError;
            int n = Math.Min(source.Length - done, LineSize - offset);
            source.Slice(done, n).CopyTo(line.AsSpan(offset, n));
            _lines[at - (ulong)offset] = (line, true);
            done += n;
        }
        return BusStatus.Ok;
    }

    /// <summary>Writes dirty lines overlapping the range back to memory; they stay cached, clean.</summary>
    public void Clean(ulong pa, long length)
    {
        foreach (var key in LinesIn(pa, length))
        {
            var (data, dirty) = _lines[key];
            if (!dirty) continue;
            memory.Write(key, data);
            _lines[key] = (data, false);
        }
    }

    /// <summary>Drops lines overlapping the range; partial lines at the edges are cleaned first.</summary>
    public void Invalidate(ulong pa, long length)
    {
        ulong end = pa + (ulong)length;
        foreach (var key in LinesIn(pa, length))
        {
            bool partial = key < pa || key + (ulong)LineSize > end;
            if (partial && _lines[key].Dirty) memory.Write(key, _lines[key].Data);
            _lines.Remove(key);
        }
    }

    /// <summary>A coherent master's read: memory, overlaid with dirty lines (snoop).</summary>
    public BusStatus SnoopRead(ulong pa, Span<byte> destination)
    {
        var status = memory.Read(pa, destination);
        if (status != BusStatus.Ok) return status;
        foreach (var key in LinesIn(pa, destination.Length))
        {
            var (data, dirty) = _lines[key];
            if (dirty) Overlay(data, key, destination, pa);
        }
        return BusStatus.Ok;
    }

    /// <summary>A coherent master's write: memory, and every cached copy updated (snoop).</summary>
    public BusStatus SnoopWrite(ulong pa, ReadOnlySpan<byte> source)
    {
        var status = memory.Write(pa, source);
        if (status != BusStatus.Ok) return status;
        foreach (var key in LinesIn(pa, source.Length))
        {
            var data = _lines[key].Data;
            ulong from = Math.Max(key, pa), to = Math.Min(key + (ulong)LineSize, pa + (ulong)source.Length);
            source.Slice((int)(from - pa), (int)(to - from)).CopyTo(data.AsSpan((int)(from - key)));
        }
        return BusStatus.Ok;
    }

    private static void Overlay(byte[] line, ulong lineAddress, Span<byte> destination, ulong pa)
    {
        ulong from = Math.Max(lineAddress, pa), to = Math.Min(lineAddress + (ulong)line.Length, pa + (ulong)destination.Length);
        line.AsSpan((int)(from - lineAddress), (int)(to - from)).CopyTo(destination[(int)(from - pa)..]);
    }

    private List<ulong> LinesIn(ulong pa, long length)
    {
        var keys = new List<ulong>();
        if (length <= 0 || _lines.Count == 0) return keys;
        ulong first = pa / (ulong)LineSize * (ulong)LineSize;
        for (ulong key = first; key < pa + (ulong)length; key += (ulong)LineSize)
        {
            if (_lines.ContainsKey(key)) keys.Add(key);
        }
        return keys;
    }

    private byte[]? Line(ulong pa, out int offset, bool fill = true)
    {
        offset = (int)(pa % (ulong)LineSize);
        ulong key = pa - (ulong)offset;
        if (_lines.TryGetValue(key, out var line)) return line.Data;
        if (!fill) return null;
        var data = new byte[LineSize];
        if (memory.Read(key, data) != BusStatus.Ok) return null;
        _lines[key] = (data, false);
        return data;
    }
}
