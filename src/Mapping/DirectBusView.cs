using DmaActors.Actors.Memory;

namespace DmaActors.Mapping;

/// <summary>
/// Memory as a device without an IOMMU sees it: bus address = physical address. A coherent device
/// snoops the CPU cache (sees dirty lines, updates cached copies); a non-coherent one sees only RAM.
/// </summary>
/// <remarks>Kernel: <c>dma-direct</c> (<c>phys_to_dma()</c> is the identity here).</remarks>
internal sealed class DirectBusView(Platform platform, bool coherent) : IDmaMemory
{
    public BusStatus Read(ulong address, Span<byte> destination)
    {
        if (!coherent) return platform.Memory.Read(address, destination);
        lock (platform.Sync) return platform.Cache.SnoopRead(address, destination);
    }

    public BusStatus Write(ulong address, ReadOnlySpan<byte> source)
    {
        if (!coherent) return platform.Memory.Write(address, source);
        lock (platform.Sync) return platform.Cache.SnoopWrite(address, source);
    }

    public BusStatus Fill(ulong address, byte value, long length)
    {
        var bytes = new byte[length];
        bytes.AsSpan().Fill(value);
        return Write(address, bytes);
    }

    public BusStatus Copy(ulong source, ulong destination, long length)
    {
        var bytes = new byte[length];
        var status = Read(source, bytes);
        return status != BusStatus.Ok ? status : Write(destination, bytes);
    }

    public bool CanAccess(ulong address, long length, bool write) => platform.Memory.IsRam(address, length);

    /// <summary>Non-coherent only: a coherent view snoops the CPU cache, which a lazy train could not keep up to date.</summary>
    public DeferredWrites? DeferredWrites => coherent ? null : platform.Memory.DeferredWrites;
}
