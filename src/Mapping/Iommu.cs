namespace DmaActors.Mapping;

/// <summary>
/// An IOMMU: gives each device attached to it its own translation domain from bus (IO virtual)
/// addresses to physical pages, so scattered pages look contiguous to the device, and DMA to an
/// address nobody mapped is a fault instead of a memory corruption.
/// </summary>
/// <remarks>Kernel: <c>struct iommu_device</c> with <c>iommu_dma_ops</c> (<c>drivers/iommu/dma-iommu.c</c>).</remarks>
public sealed class Iommu
{
    private readonly List<IommuDomain> _domains = [];

    /// <summary>Creates an IOMMU on <paramref name="platform"/>.</summary>
    /// <param name="platform">The machine.</param>
    /// <param name="name">Its name, for reports.</param>
    public Iommu(Platform platform, string name = "iommu0")
    {
        ArgumentNullException.ThrowIfNull(platform);
        Platform = platform;
        Name = name;
    }

    /// <summary>The machine.</summary>
    public Platform Platform { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>Translation faults so far, over all domains.</summary>
    /// <remarks>Kernel: <c>report_iommu_fault()</c> calls.</remarks>
    public long Faults { get { lock (Platform.Sync) return _domains.Sum(d => d.Faults); } }

    /// <summary>A new domain for <paramref name="device"/>.</summary>
    /// <remarks>Kernel: <c>iommu_attach_device()</c> to a DMA domain.</remarks>
    internal IommuDomain Attach(Device device)
    {
        lock (Platform.Sync)
        {
            var domain = new IommuDomain(device);
            _domains.Add(domain);
            return domain;
        }
    }
}
