using DmaActors.Actors.Memory;

namespace DmaActors.Mapping;

/// <summary>CPU loads and stores: through the MMU (linear map or vmalloc page table), then the CPU cache.</summary>
public sealed partial class Platform
{
    /// <summary>A CPU load of <paramref name="destination"/>.Length bytes at <paramref name="address"/>.</summary>
    /// <param name="address">CPU virtual address.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <remarks>Kernel: a plain load (<c>memcpy()</c> from the buffer). dma-debug (extension, see
    /// <see cref="DmaDebugCheck.CpuAccessWhileDeviceOwned"/>) reports loads of buffers the device owns.</remarks>
    public void CpuRead(CpuAddress address, Span<byte> destination)
    {
        lock (Sync)
        {
            int done = 0;
            foreach (var (pa, length) in Translate(address, destination.Length))
            {
                Debug.CheckCpuAccess(pa, length, write: false);
                if (_cache.Read(pa, destination.Slice(done, length)) != BusStatus.Ok)
                    throw new DmaMappingException("EFAULT", "M-8", $"CPU load at {address}: no RAM behind pa:0x{pa:x}.");
                done += length;
            }
        }
    }

    /// <summary>A CPU load, returned as a new array.</summary>
    /// <param name="address">CPU virtual address.</param>
    /// <param name="length">Bytes.</param>
    /// <remarks>Kernel: a plain load.</remarks>
    public byte[] CpuRead(CpuAddress address, int length)
    {
        var bytes = new byte[length];
        CpuRead(address, bytes);
        return bytes;
    }

    /// <summary>A CPU store: lands in the CPU cache, invisible to non-coherent devices until cleaned.</summary>
    /// <param name="address">CPU virtual address.</param>
    /// <param name="source">The bytes.</param>
    /// <remarks>Kernel: a plain store (<c>memcpy()</c> into the buffer).</remarks>
    public void CpuWrite(CpuAddress address, ReadOnlySpan<byte> source)
    {
        lock (Sync)
        {
            int done = 0;
            foreach (var (pa, length) in Translate(address, source.Length))
            {
                Debug.CheckCpuAccess(pa, length, write: true);
                if (_cache.Write(pa, source.Slice(done, length)) != BusStatus.Ok)
                    throw new DmaMappingException("EFAULT", "M-8", $"CPU store at {address}: no RAM behind pa:0x{pa:x}.");
                done += length;
            }
        }
    }

    /// <summary>A CPU <c>memset()</c>.</summary>
    /// <param name="address">CPU virtual address.</param>
    /// <param name="value">Byte value.</param>
    /// <param name="length">Bytes.</param>
    /// <remarks>Kernel: <c>memset()</c>.</remarks>
    public void CpuFill(CpuAddress address, byte value, int length)
    {
        var bytes = new byte[length];
        bytes.AsSpan().Fill(value);
        CpuWrite(address, bytes);
    }

    /// <summary>Writes dirty CPU cache lines of [pa, +length) back to RAM (they stay valid).</summary>
    /// <param name="address">Physical start.</param>
    /// <param name="length">Bytes.</param>
    /// <remarks>Kernel: <c>dcache_clean_poc()</c> (what <c>arch_sync_dma_for_device()</c> does).</remarks>
    public void WriteBack(PhysAddress address, long length)
    {
        lock (Sync) _cache.Clean(address.Value, length);
    }

    /// <summary>The physical pieces behind a virtual range, page by page (merged where contiguous).</summary>
    internal List<(ulong Pa, int Length)> Translate(CpuAddress address, int length)
    {
        var pieces = new List<(ulong Pa, int Length)>();
        ulong va = address.Value;
        int left = length;
        while (left > 0)
        {
            int inPage = (int)Math.Min((ulong)left, PageSize - (va % PageSize));
            ulong pa = PhysOf(va);
            if (pieces.Count > 0 && pieces[^1].Pa + (ulong)pieces[^1].Length == pa)
                pieces[^1] = (pieces[^1].Pa, pieces[^1].Length + inPage);
            else
                pieces.Add((pa, inPage));
            va += (ulong)inPage;
            left -= inPage;
        }
        return pieces;
    }

    private ulong PhysOf(ulong va)
    {
        if (IsLinear(new CpuAddress(va))) return va - LinearMapBase;
        if (_vmallocPages.TryGetValue(va / PageSize, out ulong pfn)) return (pfn * PageSize) + (va % PageSize);
        throw new DmaMappingException("EFAULT", "M-8", $"CPU access to va:0x{va:x}: no page is mapped there (page fault).");
    }
}
