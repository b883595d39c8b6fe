using DmaActors.DeviceTree;

namespace DmaActors.Mapping.Cma;

/// <summary>
/// The device tree's <c>/reserved-memory</c> node, as far as CMA goes: every available
/// <c>shared-dma-pool</c> child that is <c>reusable</c> becomes a CMA area, at its <c>reg</c> or,
/// with only a <c>size</c>, placed top-down within its <c>alloc-ranges</c> at its <c>alignment</c>;
/// <c>linux,cma-default</c> makes it the default area unless <c>cma=</c> was given (CMA-4). A
/// device's <c>memory-region</c> phandle then gives it its own area (CMA-5).
/// </summary>
/// <remarks>Kernel: <c>drivers/of/of_reserved_mem.c</c> (<c>fdt_scan_reserved_mem()</c>,
/// <c>__reserved_mem_alloc_size()</c>, <c>of_reserved_mem_device_init_by_idx()</c>) and
/// <c>rmem_cma_setup()</c>/<c>rmem_cma_device_init()</c> in <c>kernel/dma/contiguous.c</c>;
/// binding <c>reserved-memory/shared-dma-pool.yaml</c>.</remarks>
public sealed class ReservedMemory
{
    private const string Compatible = "shared-dma-pool";
    private readonly DtTree _tree;
    private readonly Dictionary<DtNode, CmaArea> _areas = [];
    private readonly List<string> _log = [];

    private ReservedMemory(DtTree tree) => _tree = tree;

    /// <summary>The CMA areas made, by the node that described each.</summary>
    public IReadOnlyDictionary<string, CmaArea> Areas => _areas.ToDictionary(a => a.Key.Path, a => a.Value);

    /// <summary>What the kernel would log while scanning (pools created, nodes bypassed or skipped).</summary>
    public IReadOnlyList<string> Log => _log;

    /// <summary>Declares the CMA areas <paramref name="tree"/>'s <c>/reserved-memory</c> describes on <paramref name="platform"/>; pools that are not reusable are logged and left alone (CMA-4).</summary>
    /// <param name="platform">The machine (freshly created: its memory is still free).</param>
    /// <param name="tree">The device tree.</param>
    /// <exception cref="DmaMappingException">A node the kernel would reject: the node's path, its source location and the rule (CMA-2, CMA-4).</exception>
    /// <remarks>Kernel: <c>fdt_scan_reserved_mem()</c> then <c>fdt_init_reserved_mem()</c>.</remarks>
    public static ReservedMemory Setup(Platform platform, DtTree tree)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(tree);
        var result = new ReservedMemory(tree);
        if (tree.FindByPath("/reserved-memory") is not { } parent) return result;
        var (addressCells, sizeCells) = CheckRoot(tree, parent);
        foreach (var node in parent.Children)
        {
            if (node.Property("status")?.Text() is { } status && status is not ("okay" or "ok")) continue;
            if (!node.IsCompatible(Compatible))
            {
                result._log.Add($"{node.Path}: not a {Compatible}, left to its own driver");
                continue;
            }
            result.SetupPool(platform, node, addressCells, sizeCells);
        }
        return result;
    }

    /// <summary>
    /// Gives <paramref name="device"/> the area its node's <c>memory-region</c> entry
    /// <paramref name="index"/> points at (CMA-5). Returns the area, or null when the property or
    /// the target is missing or disabled (the kernel's "nothing to do").
    /// </summary>
    /// <param name="device">The device.</param>
    /// <param name="deviceNode">Its device-tree node.</param>
    /// <param name="index">Which <c>memory-region</c> entry.</param>
    /// <exception cref="DmaMappingException">EINVAL (CMA-5): the target is a reserved-memory node but not a CMA area made here.</exception>
    /// <remarks>Kernel: <c>of_reserved_mem_device_init_by_idx()</c> → <c>rmem_cma_device_init()</c> (<c>dev-&gt;cma_area = rmem-&gt;priv</c>).</remarks>
    public CmaArea? DeviceInit(Device device, DtNode deviceNode, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(deviceNode);
        var phandles = deviceNode.Property("memory-region")?.Cells();
        if (phandles is null || index < 0 || index >= phandles.Length) return null;
        var target = _tree.FindByPhandle(phandles[index]);
        if (target is null)
        {
            _log.Add($"{deviceNode.Path}: memory-region[{index}] = <0x{phandles[index]:x}> points at no node");
            return null;
        }
        if (target.Property("status")?.Text() is { } status && status is not ("okay" or "ok")) return null;
        if (!_areas.TryGetValue(target, out var area))
            throw new DmaMappingException("EINVAL", "CMA-5", $"{deviceNode.Path} ({deviceNode.Property("memory-region")!.Location}): memory-region[{index}] points at {target.Path}, which is not a reusable {Compatible} CMA area (of_reserved_mem_device_init_by_idx returns -EINVAL).");
        device.CmaArea = area;
        _log.Add($"{device.Name}: assigned reserved memory node {target.Name}");
        return area;
    }

    private static (int Address, int Size) CheckRoot(DtTree tree, DtNode parent)
    {
        int rootAddress = (int)(tree.Root.Property("#address-cells")?.Cell() ?? 2);
        int rootSize = (int)(tree.Root.Property("#size-cells")?.Cell() ?? 1);
        int address = (int)(parent.Property("#address-cells")?.Cell() ?? 2);
        int size = (int)(parent.Property("#size-cells")?.Cell() ?? 1);
        if (address != rootAddress || size != rootSize || parent.Property("ranges") is null)
            throw new DmaMappingException("EINVAL", "CMA-4", $"{parent.Path} ({parent.Location}): #address-cells/#size-cells must equal the root's ({rootAddress}/{rootSize}, here {address}/{size}) and 'ranges' must be present (__reserved_mem_check_root).");
        return (address, size);
    }

    private void SetupPool(Platform platform, DtNode node, int addressCells, int sizeCells)
    {
        string where = $"{node.Path} ({node.Location})";
        if (node.Property("reusable") is null || node.Property("no-map") is not null)
        {
            // rmem_cma_setup() returns -EINVAL and rmem_dma_setup() takes the node instead.
            _log.Add($"{where}: not a CMA pool (no 'reusable', or 'no-map'): a per-device coherent pool (rmem_dma_setup), which this simulator does not model");
            return;
        }
        bool isDefault = node.Property("linux,cma-default") is not null;
        if (isDefault && platform.Options.Cma is not null)
        {
            _log.Add($"Reserved memory: bypass {node.Name} node, using cmdline CMA params instead");
            return;
        }
        try
        {
            CmaArea area;
            if (node.Property("reg") is { } reg)
            {
                var cells = reg.Cells();
                if (cells.Length < addressCells + sizeCells)
                    throw new DmaMappingException("EINVAL", "CMA-4", $"{where}: 'reg' has {cells.Length} cells, one entry needs {addressCells + sizeCells}.");
                ulong @base = Read(cells, 0, addressCells), size = Read(cells, addressCells, sizeCells);
                if (((@base | size) & (Platform.CmaMinAlignmentBytes - 1)) != 0)
                    throw new DmaMappingException("EINVAL", "CMA-4", $"{where}: Reserved memory: incorrect alignment of CMA region (0x{@base:x} +0x{size:x} is not a multiple of 0x{Platform.CmaMinAlignmentBytes:x}).");
                area = platform.DeclareContiguous(size, @base, @base + size, 0, @fixed: true, node.Name, isDefault);
            }
            else
            {
                area = Allocate(platform, node, where, addressCells, sizeCells, isDefault);
            }
            _areas[node] = area;
            _log.Add($"Reserved memory: created CMA memory pool at {area.Base}, size {area.Size >> 20} MiB");
        }
        catch (DmaMappingException e) when (!e.Message.Contains(node.Path, StringComparison.Ordinal))
        {
            throw new DmaMappingException(e.Errno, e.Rule, $"{where}: {e.Message}");
        }
    }

    private static CmaArea Allocate(Platform platform, DtNode node, string where, int addressCells, int sizeCells, bool isDefault)
    {
        var sizeCellsValue = node.Property("size")?.Cells()
            ?? throw new DmaMappingException("EINVAL", "CMA-4", $"{where}: neither 'reg' nor 'size': a reserved-memory node needs one of them.");
        if (sizeCellsValue.Length != sizeCells)
            throw new DmaMappingException("EINVAL", "CMA-4", $"{where}: 'size' has {sizeCellsValue.Length} cells, #size-cells is {sizeCells} (invalid size property).");
        ulong size = Read(sizeCellsValue, 0, sizeCells);
        ulong align = node.Property("alignment")?.Cells() is { } alignCells ? Read(alignCells, 0, Math.Min(alignCells.Length, sizeCells)) : 0;
        var ranges = node.Property("alloc-ranges")?.Cells();
        if (ranges is null) return platform.DeclareContiguous(size, 0, 0, align, @fixed: false, node.Name, isDefault);
        int entry = addressCells + sizeCells;
        if (ranges.Length == 0 || ranges.Length % entry != 0)
            throw new DmaMappingException("EINVAL", "CMA-4", $"{where}: 'alloc-ranges' has {ranges.Length} cells, not a multiple of #address-cells + #size-cells = {entry} (invalid alloc-ranges property).");
        DmaMappingException? last = null;
        for (int i = 0; i < ranges.Length; i += entry)
        {
            ulong start = Read(ranges, i, addressCells), length = Read(ranges, i + addressCells, sizeCells);
            try
            {
                return platform.DeclareContiguous(size, start, start + length, align, @fixed: false, node.Name, isDefault);
            }
            catch (DmaMappingException e)
            {
                last = e;
            }
        }
        throw new DmaMappingException("ENOMEM", "CMA-4", $"{where}: reserved mem: failed to allocate memory for node '{node.Name}': size {size >> 20} MiB in any of its alloc-ranges ({last?.Message}).");
    }

    private static ulong Read(uint[] cells, int offset, int count)
    {
        ulong value = 0;
        for (int i = 0; i < count; i++) value = (value << 32) | cells[offset + i];
        return value;
    }
}
