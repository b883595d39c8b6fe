using DmaActors.Actors.Memory;

namespace DmaActors.Mapping;

/// <summary>
/// A device that does DMA: its masks, whether it snoops the CPU cache, whether it sits behind an
/// IOMMU, and the DMA-mapping calls made for it. <see cref="BusView"/> is memory as this device
/// sees it: hand it to a controller's <c>ControllerConfig.BusView</c> to run real transfers at the
/// bus addresses this device's mappings return.
/// </summary>
/// <remarks>
/// Kernel: <c>struct device</c> with <c>dma_mask</c>, <c>coherent_dma_mask</c>,
/// <c>dma_coherent</c>, <c>dma_parms</c> and its <c>dma_map_ops</c> (direct, swiotlb or iommu).
/// </remarks>
public sealed partial class Device
{
    /// <summary>Live streaming mappings by bus address (several may share one address).</summary>
    private readonly Dictionary<ulong, List<StreamingMapping>> _mappings = [];

    private readonly IommuDomain? _domain;

    /// <summary>Live dma pools, in creation order (for the sysfs <c>pools</c> file).</summary>
    private readonly List<DmaPool> _pools = [];

    /// <summary>Creates a device on <paramref name="platform"/>.</summary>
    /// <param name="platform">The machine.</param>
    /// <param name="name">Its name (<c>dev_name()</c>).</param>
    /// <param name="coherent">Whether its DMA snoops the CPU cache (<c>dev_is_dma_coherent()</c>).</param>
    /// <param name="iommu">The IOMMU it sits behind, if any.</param>
    public Device(Platform platform, string name, bool coherent = false, Iommu? iommu = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Platform = platform;
        Name = name;
        IsCoherent = coherent;
        Iommu = iommu;
        IDmaMemory direct = new DirectBusView(platform, coherent);
        if (iommu is not null)
        {
            _domain = iommu.Attach(this);
            BusView = new IommuBusView(platform, _domain, direct);
        }
        else
        {
            BusView = direct;
        }
    }

    /// <summary>The machine.</summary>
    public Platform Platform { get; }

    /// <summary>Its name.</summary>
    /// <remarks>Kernel: <c>dev_name()</c>.</remarks>
    public string Name { get; }

    /// <summary>Whether its DMA snoops the CPU cache.</summary>
    /// <remarks>Kernel: <c>dev_is_dma_coherent()</c>.</remarks>
    public bool IsCoherent { get; }

    /// <summary>The IOMMU it sits behind, or null.</summary>
    /// <remarks>Kernel: <c>device_iommu_mapped()</c>.</remarks>
    public Iommu? Iommu { get; }

    /// <summary>The streaming mask: 32 bits until set (M-1).</summary>
    /// <remarks>Kernel: <c>*dev-&gt;dma_mask</c>.</remarks>
    public ulong DmaMask { get; private set; } = uint.MaxValue;

    /// <summary>The coherent mask: 32 bits until set (M-1).</summary>
    /// <remarks>Kernel: <c>dev-&gt;coherent_dma_mask</c>.</remarks>
    public ulong CoherentMask { get; private set; } = uint.MaxValue;

    /// <summary>Longest segment <c>dma_map_sg</c> produces (64 KiB default, M-4).</summary>
    /// <remarks>Kernel: <c>dma_set_max_seg_size()</c> / <c>dma_get_max_seg_size()</c>.</remarks>
    public uint MaxSegmentSize { get; set; } = 64 * 1024;

    /// <summary>Bounce every streaming mapping, reachable or not (swiotlb=force): makes ownership bugs deterministic (S-6).</summary>
    /// <remarks>Kernel: <c>swiotlb=force</c> / <c>is_swiotlb_force_bounce()</c>.</remarks>
    public bool ForceBounce { get; set; }

    /// <summary>Memory at this device's bus addresses (IOMMU-translated or direct); plug into <c>ControllerConfig.BusView</c>.</summary>
    public IDmaMemory BusView { get; }

    /// <summary>Highest bus address the device reaches.</summary>
    /// <remarks>Kernel: <c>min_not_zero(*dev-&gt;dma_mask, dev-&gt;bus_dma_limit)</c>.</remarks>
    public ulong DmaLimit => DmaMask;

    /// <summary>Live streaming mappings.</summary>
    public int ActiveMappings { get { lock (Platform.Sync) return _mappings.Values.Sum(l => l.Count); } }

    /// <summary>Pages mapped in this device's IOMMU domain (0 without an IOMMU).</summary>
    public int IommuMappedPages { get { lock (Platform.Sync) return _domain?.MappedPages ?? 0; } }

    /// <summary>Sets the streaming mask; throws EIO when the platform cannot DMA within it (M-2).</summary>
    /// <param name="mask">The mask.</param>
    /// <remarks>Kernel: <c>dma_set_mask()</c>.</remarks>
    public void SetMask(ulong mask)
    {
        EnsureSupported(mask, "dma_set_mask");
        DmaMask = mask;
    }

    /// <summary>Sets the coherent mask; throws EIO when unsupported (M-2).</summary>
    /// <param name="mask">The mask.</param>
    /// <remarks>Kernel: <c>dma_set_coherent_mask()</c>.</remarks>
    public void SetCoherentMask(ulong mask)
    {
        EnsureSupported(mask, "dma_set_coherent_mask");
        CoherentMask = mask;
    }

    /// <summary>Sets the streaming mask, then (only on success, its own result ignored) the coherent mask (M-3).</summary>
    /// <param name="mask">The mask.</param>
    /// <remarks>Kernel: <c>dma_set_mask_and_coherent()</c>.</remarks>
    public void SetMaskAndCoherent(ulong mask)
    {
        SetMask(mask);
        if (IsSupported(mask)) CoherentMask = mask;
    }

    /// <summary>The smallest mask covering all of RAM.</summary>
    /// <remarks>Kernel: <c>dma_get_required_mask()</c>.</remarks>
    public ulong RequiredMask => Platform.RamTop == 0 ? 0 : ulong.MaxValue >> System.Numerics.BitOperations.LeadingZeroCount(Platform.RamTop);

    /// <summary>Largest single mapping: 256 KiB when the device may be bounced (S-1), else unlimited (M-4).</summary>
    /// <remarks>Kernel: <c>dma_max_mapping_size()</c>.</remarks>
    public long MaxMappingSize => MayBounce ? (long)Swiotlb.SlotSize * Swiotlb.MaxSegmentSlots : long.MaxValue;

    /// <summary>The IOMMU page mask segments merge on, or 0 when nothing can merge (M-4).</summary>
    /// <remarks>Kernel: <c>dma_get_merge_boundary()</c>.</remarks>
    public ulong MergeBoundary => _domain is null ? 0UL : Platform.PageSize - 1UL;

    /// <summary>Whether syncs do anything for this device: non-coherent, or possibly bounced (M-4).</summary>
    /// <remarks>Kernel: <c>dma_need_sync()</c> (answered per device, not per address).</remarks>
    public bool NeedSync => !IsCoherent || MayBounce;

    private bool MayBounce => _domain is null && (ForceBounce || DmaLimit < Platform.RamTop);

    /// <summary>The device lost its driver: dma-debug reports every live mapping or allocation as a leak (D-18).</summary>
    /// <remarks>Kernel: <c>BUS_NOTIFY_UNBOUND_DRIVER</c> in <c>dma_debug_device_change()</c>.</remarks>
    public void Release()
    {
        lock (Platform.Sync) Platform.Debug.ReleaseDevice(this);
    }

    /// <summary>The device's sysfs <c>pools</c> file: a header, then one line per live pool (B-6).</summary>
    /// <remarks>Kernel: <c>/sys/devices/.../pools</c> (<c>pools_show()</c>).</remarks>
    public string PoolsInfo
    {
        get
        {
            List<DmaPool> pools;
            lock (Platform.Sync) pools = [.. _pools];
            return string.Concat(pools.Select(p => p.PoolInfoLine + "\n").Prepend("poolinfo - 0.1\n"));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal void AddPool(DmaPool pool)
    {
        lock (Platform.Sync) _pools.Add(pool);
    }

    internal void RemovePool(DmaPool pool)
    {
        lock (Platform.Sync) _pools.Remove(pool);
    }

    /// <summary>Whether the platform can DMA within <paramref name="mask"/>: behind an IOMMU always;
    /// direct, when the mask covers ZONE_DMA (or all RAM, if smaller). Masks of 32 bits or more never fail (M-3).</summary>
    private bool IsSupported(ulong mask)
    {
        if (_domain is not null || mask >= uint.MaxValue) return true;
        ulong zoneDmaTop = (1UL << Platform.Options.ZoneDmaBits) - 1;
        return mask >= Math.Min(zoneDmaTop, Platform.RamTop);
    }

    private void EnsureSupported(ulong mask, string call)
    {
        if (!IsSupported(mask))
            throw new DmaMappingException("EIO", "M-2", $"{call}({Name}, 0x{mask:x}): the platform cannot DMA within this mask (its smallest DMA zone ends at 0x{(1UL << Platform.Options.ZoneDmaBits) - 1:x}); the device must not do DMA.");
    }

    /// <summary>DMA_NONE or an unknown value BUGs at every map, unmap and sync entry point (M-7).</summary>
    private static void EnsureValid(DmaDataDirection direction, string call)
    {
        if (direction is not (DmaDataDirection.ToDevice or DmaDataDirection.FromDevice or DmaDataDirection.Bidirectional))
            throw new DmaMappingException("EINVAL", "M-7", $"{call} with {DmaDebugEntry.Name(direction)}: only DMA_TO_DEVICE, DMA_FROM_DEVICE and DMA_BIDIRECTIONAL are valid (the kernel BUGs).");
    }
}
