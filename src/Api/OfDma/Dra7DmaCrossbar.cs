using System.Globalization;
using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>
/// TI's DMA crossbar (<c>ti,dra7-dma-crossbar</c>, O-10): a consumer names a crossbar input; the
/// crossbar connects it to the first free request line of its master (<c>dma-masters</c>),
/// skipping <c>ti,reserved-dma-request-ranges</c>, and the specifier is rewritten to that line
/// (plus the master's offset: 1 for sDMA, 0 for eDMA, whose second cell — the event queue — is 0).
/// </summary>
public sealed class Dra7DmaCrossbar : IDmaRouter
{
    private readonly Lock _gate = new();
    private readonly bool[] _used;
    private readonly uint _inputs;
    private readonly DtNode _master;
    private readonly int _masterCells;
    private readonly uint _offset;

    /// <summary>Builds the crossbar described by <paramref name="node"/> in <paramref name="tree"/>.</summary>
    /// <exception cref="DmaException">EINVAL: the node lacks <c>dma-masters</c>, or its master lacks <c>#dma-cells</c> (O-9).</exception>
    public Dra7DmaCrossbar(DtTree tree, DtNode node)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(node);
        Node = node;
        uint masterPhandle = node.Property("dma-masters")?.Cells().FirstOrDefault()
            ?? throw new DmaException("EINVAL", "O-9", $"{node.Path}: a DMA router needs dma-masters = <&controller>.");
        _master = tree.FindByPhandle(masterPhandle) ?? throw new DmaException("EINVAL", "O-9", $"{node.Path}: dma-masters points at phandle {masterPhandle}, which no node has.");
        _masterCells = (int)(_master.Property("#dma-cells")?.Cell() ?? throw new DmaException("EINVAL", "O-9", $"{_master.Path} (the master of {node.Path}) has no #dma-cells."));
        _inputs = node.Property("dma-requests")?.Cell() ?? 256;
        _used = new bool[_master.Property("dma-requests")?.Cell() ?? 127];
        var reserved = node.Property("ti,reserved-dma-request-ranges")?.Cells() ?? [];
        for (int i = 0; i + 1 < reserved.Length; i += 2)
        {
            for (uint line = reserved[i]; line < reserved[i] + reserved[i + 1] && line < _used.Length; line++) _used[line] = true;
        }
        _offset = _master.IsCompatible("ti,omap4430-sdma") ? 1u : 0u;
    }

    /// <inheritdoc/>
    public DtNode Node { get; }

    /// <inheritdoc/>
    public (DtNode Master, uint[] Cells, Action Free) RouteAllocate(DtNode consumer, uint[] cells)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(cells);
        uint input = cells[0];
        if (input >= _inputs)
            throw new DmaException("EINVAL", "O-10", $"{consumer.Path}: Invalid XBAR request number: {input.ToString(CultureInfo.InvariantCulture)} (the crossbar {Node.Path} has {_inputs} inputs).");
        int output;
        lock (_gate)
        {
            output = Array.IndexOf(_used, false);
            if (output < 0) throw new DmaException("ENOMEM", "O-10", $"{consumer.Path}: Run out of free DMA requests on {Node.Path} ({_used.Length} lines of {_master.Path}).");
            _used[output] = true;
        }
        var rewritten = new uint[_masterCells];
        rewritten[0] = (uint)output + _offset;
        return (_master, rewritten, () =>
        {
            lock (_gate) _used[output] = false;
        });
    }
}
