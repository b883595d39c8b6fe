namespace DmaActors.Mapping;

/// <summary>
/// Small fixed-size coherent blocks carved out of page-sized coherent chunks (B-1…B-5): blocks are
/// laid out at <see cref="Size"/> stride and never cross <see cref="Boundary"/>; the free list is
/// LIFO; chunks are only returned at destroy, and not even then while blocks are live.
/// </summary>
/// <remarks>Kernel: <c>struct dma_pool</c> (<c>mm/dmapool.c</c>), with DMAPOOL_DEBUG checks on.</remarks>
public sealed class DmaPool
{
    /// <summary>Freed blocks are filled with this (B-4).</summary>
    /// <remarks>Kernel: <c>POOL_POISON_FREED</c>.</remarks>
    public const byte PoisonFreed = 0xa7;

    /// <summary>Allocated blocks are filled with this before use (B-4).</summary>
    /// <remarks>Kernel: <c>POOL_POISON_ALLOCATED</c>.</remarks>
    public const byte PoisonAllocated = 0xa9;

    private readonly Device _device;
    private readonly List<(CpuAddress Cpu, DmaAddress Dma)> _chunks = [];

    /// <summary>Free blocks, most recently freed last (popped first).</summary>
    private readonly List<(CpuAddress Cpu, DmaAddress Dma)> _free = [];

    /// <summary>Allocated blocks by bus address.</summary>
    private readonly Dictionary<ulong, CpuAddress> _live = [];

    private DmaPool(string name, Device device, long size, long allocation, long boundary)
    {
        Name = name;
        _device = device;
        Size = size;
        Allocation = allocation;
        Boundary = boundary;
    }

    /// <summary>The name (at most 31 characters).</summary>
    public string Name { get; }

    /// <summary>Block size after rounding (B-1).</summary>
    public long Size { get; }

    /// <summary>Chunk size: max(size, PAGE_SIZE).</summary>
    public long Allocation { get; }

    /// <summary>No block crosses a multiple of this.</summary>
    public long Boundary { get; }

    /// <summary>Blocks handed out and not freed.</summary>
    public int ActiveBlocks { get { lock (_device.Platform.Sync) return _live.Count; } }

    /// <summary>Blocks in all chunks.</summary>
    public int TotalBlocks { get { lock (_device.Platform.Sync) return _live.Count + _free.Count; } }

    /// <summary>Coherent chunks allocated.</summary>
    public int Chunks { get { lock (_device.Platform.Sync) return _chunks.Count; } }

    /// <summary>Whether destroy found live blocks and leaked the chunks (B-5).</summary>
    public bool LeakedOnDestroy { get; private set; }

    /// <summary>Creates a pool, or null for the arguments the kernel refuses (B-1).</summary>
    /// <param name="name">Name (truncated to 31 chars).</param>
    /// <param name="device">The device; null gives null.</param>
    /// <param name="size">Block size, not 0.</param>
    /// <param name="align">Alignment, a power of two (0 means 1).</param>
    /// <param name="boundary">Blocks never cross a multiple of this (0: the chunk size); a power of two not below size.</param>
    /// <remarks>Kernel: <c>dma_pool_create()</c>.</remarks>
    public static DmaPool? Create(string name, Device? device, long size, long align, long boundary)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (device is null || size <= 0 || size > int.MaxValue) return null;
        if (align == 0) align = 1;
        if (!IsPowerOfTwo(align)) return null;
        size = Math.Max(size, 16);
        size = (size + align - 1) / align * align;
        long allocation = Math.Max(size, Platform.PageSize);
        if (boundary == 0) boundary = allocation;
        else if (boundary < size || !IsPowerOfTwo(boundary)) return null;
        boundary = Math.Min(boundary, allocation);
        var pool = new DmaPool(name.Length > 31 ? name[..31] : name, device, size, allocation, boundary);
        device.AddPool(pool);
        return pool;
    }

    /// <summary>This pool's line of the device's <c>pools</c> sysfs file (B-6).</summary>
    /// <remarks>Kernel: <c>pools_show()</c>, format <c>"%-16s %4zu %4zu %4u %2zu"</c>.</remarks>
    public string PoolInfoLine
    {
        get
        {
            lock (_device.Platform.Sync)
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name,-16} {_live.Count,4} {_live.Count + _free.Count,4} {Size,4} {_chunks.Count,2}");
        }
    }

    /// <summary>Takes a block: the most recently freed, else from a new chunk; null when memory runs out (B-3).</summary>
    /// <param name="handle">The block's bus address.</param>
    /// <param name="zero">Zero the block (<c>__GFP_ZERO</c>).</param>
    /// <remarks>Kernel: <c>dma_pool_alloc()</c>.</remarks>
    public CpuAddress? Alloc(out DmaAddress handle, bool zero = false)
    {
        lock (_device.Platform.Sync) return Alloc_NeedsLock(out handle, zero);
    }

    /// <summary>Returns a block; an unknown or already-free block is reported, not freed (B-4).</summary>
    /// <param name="cpu">The CPU address returned by <see cref="Alloc"/>.</param>
    /// <param name="handle">Its bus address.</param>
    /// <remarks>Kernel: <c>dma_pool_free()</c>; callable from interrupt context, so it never allocates.</remarks>
    public void Free(CpuAddress cpu, DmaAddress handle)
    {
        lock (_device.Platform.Sync) Free_NeedsLock(cpu, handle);
    }

    /// <summary>Destroys the pool; with blocks still live it reports "busy" and leaks the chunks (B-5).</summary>
    /// <remarks>Kernel: <c>dma_pool_destroy()</c>.</remarks>
    public void Destroy()
    {
        lock (_device.Platform.Sync) Destroy_NeedsLock();
    }

    // The pool's state is guarded by the platform lock (the kernel pool has its own spinlock; one
    // lock here, re-entered by the coherent allocator and the CPU fills, cannot deadlock).
    private CpuAddress? Alloc_NeedsLock(out DmaAddress handle, bool zero)
    {
        handle = DmaAddress.MappingError;
        if (_free.Count == 0 && !Grow()) return null;
        var (cpu, dma) = _free[^1];
        _free.RemoveAt(_free.Count - 1);
        _live[dma.Value] = cpu;
        _device.Platform.CpuFill(cpu, zero ? (byte)0 : PoisonAllocated, (int)Size);
        handle = dma;
        return cpu;
    }

    private void Free_NeedsLock(CpuAddress cpu, DmaAddress handle)
    {
        if (!_live.Remove(handle.Value, out var owned) || owned != cpu)
        {
            if (owned != default) _live[handle.Value] = owned;
            bool alreadyFree = _free.Any(f => f.Dma == handle);
            Report(DmaDebugCheck.PoolBadFree, "B-4", alreadyFree ? $"dma_pool_free {Name}, dma {handle} already free" : $"dma_pool_free {Name}, {cpu}/{handle} (bad dma)");
            return;
        }
        _device.Platform.CpuFill(cpu, PoisonFreed, (int)Size);
        _free.Add((cpu, handle));
    }

    private void Destroy_NeedsLock()
    {
        if (_live.Count > 0)
        {
            LeakedOnDestroy = true;
            Report(DmaDebugCheck.PoolBusy, "B-5", $"dma_pool_destroy {Name} busy");
        }
        else
        {
            foreach (var (cpu, dma) in _chunks) _device.FreeCoherent(Allocation, cpu, dma);
        }
        _chunks.Clear();
        _free.Clear();
        _live.Clear();
        _device.RemovePool(this);
    }

    /// <summary>One new chunk, cut at size stride, skipping to the next boundary whenever a block would cross it (B-2).</summary>
    private bool Grow()
    {
        var cpu = _device.AllocCoherent(Allocation, out var dma);
        if (cpu is null) return false;
        _chunks.Add((cpu.Value, dma));
        var blocks = new List<(CpuAddress, DmaAddress)>();
        long offset = 0;
        while (offset + Size <= Allocation)
        {
            long next = (offset / Boundary * Boundary) + Boundary;
            if (offset + Size > next)
            {
                offset = next;
                continue;
            }
            blocks.Add((cpu.Value + (ulong)offset, dma + (ulong)offset));
            offset += Size;
        }
        // Pushed in reverse so the first block is popped first.
        blocks.Reverse();
        _free.AddRange(blocks);
        return true;
    }

    private void Report(DmaDebugCheck check, string rule, string message)
    {
        lock (_device.Platform.Sync) _device.Platform.Debug.Report(check, rule, _device, message, always: true);
    }

    private static bool IsPowerOfTwo(long value) => value > 0 && (value & (value - 1)) == 0;
}
