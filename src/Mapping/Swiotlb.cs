namespace DmaActors.Mapping;

/// <summary>
/// The software IO TLB: a pool of 2 KiB slots in the lowest RAM, through which buffers a device
/// cannot reach are bounced, with exactly the kernel's copy rules (S-1…S-6).
/// </summary>
/// <remarks>
/// Kernel: <c>kernel/dma/swiotlb.c</c>. The copies are the CPU's <c>memcpy()</c>: they read the
/// original through the CPU cache and write the original back into it, while the bounce slot itself
/// is only ever written straight to memory (as cleaned). Callers hold the platform lock.
/// </remarks>
public sealed class Swiotlb
{
    /// <summary>Bytes per slot.</summary>
    /// <remarks>Kernel: <c>IO_TLB_SIZE</c> (1 &lt;&lt; <c>IO_TLB_SHIFT</c> = 11).</remarks>
    public const int SlotSize = 2048;

    /// <summary>Most contiguous slots one mapping may take (so at most 256 KiB).</summary>
    /// <remarks>Kernel: <c>IO_TLB_SEGSIZE</c>.</remarks>
    public const int MaxSegmentSlots = 128;

    private readonly Platform _platform;
    private readonly ulong _base;

    /// <summary>Per slot: true while a mapping holds it.</summary>
    private readonly bool[] _used;

    /// <summary>Live mappings by first slot: the original buffer and the mapped size.</summary>
    private readonly Dictionary<int, (ulong OrigPa, long Size, int Slots)> _mappings = [];

    private long _count, _failures, _bytesIn, _bytesOut;

    internal Swiotlb(Platform platform, long bytes)
    {
        _platform = platform;
        int slots = (int)(bytes / SlotSize);
        ulong pages = (ulong)((((long)slots * SlotSize) + Platform.PageSize - 1) / Platform.PageSize);
        var pfn = slots == 0 ? null : platform.AllocateLowPages(pages);
        _base = (pfn ?? 0) * Platform.PageSize;
        _used = new bool[pfn is null ? 0 : slots];
    }

    /// <summary>The pool's first physical (and bus) address.</summary>
    public PhysAddress Base => new(_base);

    /// <summary>A snapshot of the counters.</summary>
    public SwiotlbStats Stats
    {
        get
        {
            lock (_platform.Sync) return new(_used.Length, _used.Count(u => u), _count, _failures, _bytesIn, _bytesOut);
        }
    }

    /// <summary>Whether <paramref name="pa"/> lies in the pool.</summary>
    /// <param name="pa">A physical address.</param>
    /// <remarks>Kernel: <c>is_swiotlb_buffer()</c>.</remarks>
    public bool IsBounceBuffer(ulong pa) => pa >= _base && pa < _base + ((ulong)_used.Length * SlotSize);

    /// <summary>Takes slots for [origPa, +size), copies in (S-2, every direction); null on exhaustion or overflow (S-5).</summary>
    internal ulong? Map(Device device, ulong origPa, long size, bool warn = true)
    {
        int slots = (int)((size + SlotSize - 1) / SlotSize);
        int stride = size >= Platform.PageSize ? Platform.PageSize / SlotSize : 1;
        int first = slots > MaxSegmentSlots ? -1 : FindFree(slots, stride);
        if (first < 0)
        {
            _failures++;
            if (!warn) return null;
            _platform.Debug.Report(DmaDebugCheck.SwiotlbFull, "S-5", device,
                $"swiotlb buffer is full (sz: {size} bytes), total {_used.Length} (slots), used {_used.Count(u => u)} (slots)", always: true);
            return null;
        }
        ulong bounce = _base + ((ulong)first * SlotSize);
        if (bounce + (ulong)size - 1 > device.DmaLimit)
        {
            _failures++;
            _platform.Debug.Report(DmaDebugCheck.SwiotlbFull, "S-5", device,
                $"swiotlb addr 0x{bounce:x} overflow (mask 0x{device.DmaMask:x}, bus limit 0x{device.DmaLimit:x})", always: true);
            return null;
        }
        for (int i = 0; i < slots; i++) _used[first + i] = true;
        _mappings[first] = (origPa, size, slots);
        _count++;
        CopyIn(origPa, bounce, size);
        return bounce;
    }

    /// <summary>Releases the mapping at <paramref name="bounce"/>; copies out first for FROM_DEVICE/BIDIRECTIONAL (S-3).</summary>
    internal void Unmap(ulong bounce, DmaDataDirection direction, bool skipCpuSync)
    {
        int first = (int)((bounce - _base) / SlotSize);
        if (!_mappings.Remove(first, out var mapping)) return;
        if (!skipCpuSync && direction is DmaDataDirection.FromDevice or DmaDataDirection.Bidirectional)
            CopyOut(bounce, mapping.OrigPa, mapping.Size);
        for (int i = 0; i < mapping.Slots; i++) _used[first + i] = false;
    }

    /// <summary>Sync part of a mapping (S-4): for the device copies in TO_DEVICE/BIDIRECTIONAL; for the CPU copies out FROM_DEVICE/BIDIRECTIONAL.</summary>
    internal void Sync(ulong bounceAddress, long size, DmaDataDirection direction, bool forCpu)
    {
        var hit = _mappings.FirstOrDefault(m => bounceAddress >= _base + ((ulong)m.Key * SlotSize)
            && bounceAddress < _base + ((ulong)m.Key * SlotSize) + (ulong)m.Value.Size);
        if (hit.Value.Slots == 0) return;
        ulong offset = bounceAddress - (_base + ((ulong)hit.Key * SlotSize));
        size = Math.Min(size, hit.Value.Size - (long)offset);
        ulong orig = hit.Value.OrigPa + offset;
        if (forCpu && direction is DmaDataDirection.FromDevice or DmaDataDirection.Bidirectional) CopyOut(bounceAddress, orig, size);
        if (!forCpu && direction is DmaDataDirection.ToDevice or DmaDataDirection.Bidirectional) CopyIn(orig, bounceAddress, size);
    }

    private void CopyIn(ulong origPa, ulong bounce, long size)
    {
        var bytes = new byte[size];
        _platform.Cache.Read(origPa, bytes);
        _platform.Memory.Write(bounce, bytes);
        _bytesIn += size;
    }

    private void CopyOut(ulong bounce, ulong origPa, long size)
    {
        var bytes = new byte[size];
        _platform.Memory.Read(bounce, bytes);
        _platform.Cache.Write(origPa, bytes);
        _bytesOut += size;
    }

    private int FindFree(int slots, int stride)
    {
        for (int start = 0; start + slots <= _used.Length; start += stride)
        {
            int i = 0;
            while (i < slots && !_used[start + i]) i++;
            if (i == slots) return start;
        }
        return -1;
    }
}
