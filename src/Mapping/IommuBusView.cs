using DmaActors.Actors.Memory;

namespace DmaActors.Mapping;

/// <summary>
/// Memory as a device behind an IOMMU sees it: every bus address translated page by page through
/// the device's domain. An unmapped (or wrongly permitted) page is an IOMMU fault: the access ends
/// with a bus error and touches nothing, which the controller reports as DMA_TRANS_READ_FAILED or
/// DMA_TRANS_WRITE_FAILED.
/// </summary>
/// <remarks>Kernel: the IOMMU hardware walk; a fault is <c>report_iommu_fault()</c>.</remarks>
internal sealed class IommuBusView(Platform platform, IommuDomain domain, IDmaMemory physical) : IDmaMemory
{
    public BusStatus Read(ulong address, Span<byte> destination)
    {
        var pieces = Walk(address, destination.Length, write: false);
        if (pieces is null) return BusStatus.ReadError;
        int done = 0;
        foreach (var (pa, length) in pieces)
        {
            var status = physical.Read(pa, destination.Slice(done, length));
            if (status != BusStatus.Ok) return status;
            done += length;
        }
        return BusStatus.Ok;
    }

    public BusStatus Write(ulong address, ReadOnlySpan<byte> source)
    {
        var pieces = Walk(address, source.Length, write: true);
        if (pieces is null) return BusStatus.WriteError;
        int done = 0;
        foreach (var (pa, length) in pieces)
        {
            var status = physical.Write(pa, source.Slice(done, length));
            if (status != BusStatus.Ok) return status;
            done += length;
        }
        return BusStatus.Ok;
    }

    public BusStatus Fill(ulong address, byte value, long length)
    {
        var bytes = new byte[length];
        bytes.AsSpan().Fill(value);
        return Write(address, bytes);
    }

    public BusStatus Copy(ulong source, ulong destination, long length)
    {
        if (Walk(destination, length, write: true) is null) return BusStatus.WriteError;
        var bytes = new byte[length];
        var status = Read(source, bytes);
        return status != BusStatus.Ok ? status : Write(destination, bytes);
    }

    public bool CanAccess(ulong address, long length, bool write) =>
        Walk(address, length, write) is { } pieces && pieces.TrueForAll(p => physical.CanAccess(p.Pa, p.Length, write));

    /// <summary>The physical pieces of [address, +length), or null when any page faults.</summary>
    private List<(ulong Pa, int Length)>? Walk(ulong address, long length, bool write)
    {
        var pieces = new List<(ulong Pa, int Length)>();
        lock (platform.Sync)
        {
            while (length > 0)
            {
                int inPage = (int)Math.Min(length, Platform.PageSize - (long)(address % Platform.PageSize));
                var pa = domain.Translate(address, write);
                if (pa is null) return null;
                pieces.Add((pa.Value, inPage));
                address += (ulong)inPage;
                length -= inPage;
            }
        }
        return pieces;
    }
}
