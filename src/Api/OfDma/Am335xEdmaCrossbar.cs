using System.Globalization;
using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>
/// The AM335x/AM437x EDMA event crossbar (<c>ti,am335x-edma-crossbar</c>, O-10): a consumer's
/// specifier has three cells, <c>&lt;line tc mux&gt;</c>: the EDMA request line (event) to use,
/// its event queue, and which crossbar input drives that line. Allocating the route programs the
/// line's mux to the input and hands the EDMA <c>&lt;line tc&gt;</c>; freeing it sets the mux back
/// to 0 (the line's own event).
/// </summary>
/// <remarks>
/// As in the kernel (drivers/dma/ti/dma-crossbar.c) nothing stops two consumers from mapping the
/// same line: the later mux setting wins. Board loading reports such a pair.
/// </remarks>
public sealed class Am335xEdmaCrossbar : IDmaRouter
{
    /// <summary>The kernel's <c>TI_AM335X_XBAR_LINES</c>: inputs and lines when the nodes do not say.</summary>
    private const uint DefaultLines = 64;

    private readonly Lock _gate = new();
    private readonly uint _events;
    private readonly uint _lines;
    private readonly Dictionary<uint, uint> _mux = [];

    /// <summary>Builds the crossbar described by <paramref name="node"/> in <paramref name="tree"/>.</summary>
    /// <exception cref="DmaException">EINVAL: no <c>dma-masters</c>, or a master that is not a <c>ti,edma3-tpcc</c> (O-9, O-10).</exception>
    public Am335xEdmaCrossbar(DtTree tree, DtNode node)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(node);
        Node = node;
        uint masterPhandle = node.Property("dma-masters")?.Cells().FirstOrDefault()
            ?? throw new DmaException("EINVAL", "O-9", $"{node.Path}: Can't get DMA master node: a DMA router needs dma-masters = <&edma>.");
        Master = tree.FindByPhandle(masterPhandle) ?? throw new DmaException("EINVAL", "O-9", $"{node.Path}: dma-masters points at phandle {masterPhandle}, which no node has.");
        if (!Master.IsCompatible("ti,edma3-tpcc"))
            throw new DmaException("EINVAL", "O-10", $"{node.Path}: DMA master is not supported: {Master.Path} is not a ti,edma3-tpcc.");
        _lines = Master.Property("dma-requests")?.Cell() ?? DefaultLines;
        _events = node.Property("dma-requests")?.Cell() ?? DefaultLines;
    }

    /// <inheritdoc/>
    public DtNode Node { get; }

    /// <inheritdoc/>
    public DtNode Master { get; }

    /// <summary>The crossbar input each EDMA line is muxed to now (lines at their own event are absent).</summary>
    public IReadOnlyDictionary<uint, uint> Mux
    {
        get
        {
            lock (_gate) return new Dictionary<uint, uint>(_mux);
        }
    }

    /// <inheritdoc/>
    public (DtNode Master, uint[] Cells, Action Free) RouteAllocate(DtNode consumer, uint[] cells)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(cells);
        if (CheckSpecifier(cells) is { } refused) throw new DmaException("EINVAL", refused.Rule, $"{consumer.Path}: {refused.Message}.");
        uint line = cells[0], input = cells[2];
        lock (_gate) _mux[line] = input;
        return (Master, [line, cells[1]], () =>
        {
            lock (_gate)
            {
                if (_mux.TryGetValue(line, out uint now) && now == input) _mux.Remove(line);
            }
        });
    }

    /// <inheritdoc/>
    public (string Rule, string Message)? CheckSpecifier(IReadOnlyList<uint> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != 3) return ("O-10", $"{Node.Path} takes 3 cells <line tc mux>; the specifier has {cells.Count}");
        if (cells[2] >= _events) return ("O-10", $"Invalid XBAR event number: {cells[2].ToString(CultureInfo.InvariantCulture)} ({Node.Path} has {_events} inputs)");
        if (cells[0] >= _lines) return ("O-10", $"Invalid DMA request line number: {cells[0].ToString(CultureInfo.InvariantCulture)} ({Master.Path} has {_lines})");
        return null;
    }
}
