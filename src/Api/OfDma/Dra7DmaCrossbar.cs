using System.Globalization;
using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>
/// TI's DMA crossbar (<c>ti,dra7-dma-crossbar</c>, O-10): a consumer names a crossbar input; the
/// crossbar connects it to the first free request line of its master (<c>dma-masters</c>),
/// skipping <c>ti,reserved-dma-request-ranges</c>, and the specifier is rewritten to that line
/// (plus the master's offset: 1 for sDMA, 0 for eDMA); the other cells (eDMA's event queue) pass
/// through unchanged. Freeing the route frees the line.
/// </summary>
public sealed class Dra7DmaCrossbar : IDmaRouter
{
    private readonly Lock _gate = new();
    private readonly bool[] _used;
    private readonly uint _inputs;
    private readonly uint _offset;

    /// <summary>Builds the crossbar described by <paramref name="node"/> in <paramref name="tree"/>.</summary>
    /// <exception cref="DmaException">EINVAL: the node lacks <c>dma-masters</c>, its master lacks <c>#dma-cells</c> (O-9), or the master is no controller this crossbar drives.</exception>
    public Dra7DmaCrossbar(DtTree tree, DtNode node)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(node);
        Node = node;
        uint masterPhandle = node.Property("dma-masters")?.Cells().FirstOrDefault()
            ?? throw new DmaException("EINVAL", "O-9", $"{node.Path}: a DMA router needs dma-masters = <&controller>.");
        Master = tree.FindByPhandle(masterPhandle) ?? throw new DmaException("EINVAL", "O-9", $"{node.Path}: dma-masters points at phandle {masterPhandle}, which no node has.");
        if (Master.Property("#dma-cells") is null) throw new DmaException("EINVAL", "O-9", $"{Master.Path} (the master of {node.Path}) has no #dma-cells.");
        if (!Master.IsCompatible("ti,omap4430-sdma") && !Master.IsCompatible("ti,edma3") && !Master.IsCompatible("ti,edma3-tpcc"))
            throw new DmaException("EINVAL", "O-10", $"{node.Path}: DMA master is not supported: {Master.Path} is neither ti,omap4430-sdma nor ti,edma3(-tpcc).");
        _inputs = node.Property("dma-requests")?.Cell() ?? 256;
        _used = new bool[Master.Property("dma-requests")?.Cell() ?? 127];
        var reserved = node.Property("ti,reserved-dma-request-ranges")?.Cells() ?? [];
        for (int i = 0; i + 1 < reserved.Length; i += 2)
        {
            for (uint line = reserved[i]; line < reserved[i] + reserved[i + 1] && line < _used.Length; line++) _used[line] = true;
        }
        _offset = Master.IsCompatible("ti,omap4430-sdma") ? 1u : 0u;
    }

    /// <inheritdoc/>
    public DtNode Node { get; }

    /// <inheritdoc/>
    public DtNode Master { get; }

    /// <inheritdoc/>
    public (DtNode Master, uint[] Cells, Action Free) RouteAllocate(DtNode consumer, uint[] cells)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(cells);
        if (CheckSpecifier(cells) is { } refused) throw new DmaException("EINVAL", refused.Rule, $"{consumer.Path}: {refused.Message}.");
        int output;
        lock (_gate)
        {
            output = Array.IndexOf(_used, false);
            if (output < 0) throw new DmaException("ENOMEM", "O-10", $"{consumer.Path}: Run out of free DMA requests on {Node.Path} ({_used.Length} lines of {Master.Path}).");
            _used[output] = true;
        }
        var rewritten = (uint[])cells.Clone();
        rewritten[0] = (uint)output + _offset;
        return (Master, rewritten, () =>
        {
            lock (_gate) _used[output] = false;
        });
    }

    /// <inheritdoc/>
    public (string Rule, string Message)? CheckSpecifier(IReadOnlyList<uint> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0) return ("O-10", $"a specifier of {Node.Path} needs the crossbar input in its first cell");
        return cells[0] >= _inputs
            ? ("O-10", $"Invalid XBAR request number: {cells[0].ToString(CultureInfo.InvariantCulture)} (the crossbar {Node.Path} has {_inputs} inputs)")
            : null;
    }
}
