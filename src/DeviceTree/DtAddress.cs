namespace DmaActors.DeviceTree;

/// <summary>
/// Bus addresses to CPU physical addresses, as the kernel's <c>of_translate_address()</c>
/// (drivers/of/address.c) computes them: a <c>reg</c> address is read with its parent's
/// <c>#address-cells</c>, then carried up level by level through each parent's <c>ranges</c>
/// (an empty <c>ranges</c> maps 1:1; a missing one stops translation) until the root.
/// </summary>
/// <remarks>
/// Cell counts are looked up as the kernel does: the parent's <c>#address-cells</c> and
/// <c>#size-cells</c>, else the nearest ancestor's, else 1 and 1. A level with
/// <c>#size-cells = &lt;0&gt;</c> or with 0 or more than 4 address cells cannot be translated
/// (<c>OF_CHECK_COUNTS</c>). Buses with 3 address cells carry a flags cell first that must match
/// (the kernel's "default-flags" bus). Deviation: PCI (<c>device_type = "pci"</c>) and ISA
/// address spaces are not translated (no DMA controller or consumer here sits behind one).
/// </remarks>
public static class DtAddress
{
    /// <summary>The kernel's <c>OF_MAX_ADDR_CELLS</c>.</summary>
    private const int MaxAddressCells = 4;

    /// <summary>The CPU address of <paramref name="node"/>'s <paramref name="index"/>-th <c>reg</c> entry, or null when it has none or it cannot be translated.</summary>
    public static ulong? RegAddress(DtNode node, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Parent is null || node.Property("reg") is not { } reg || reg.Value.Length % 4 != 0) return null;
        var (na, ns) = CellsOf(node);
        if (!Valid(na, ns)) return null;
        var cells = reg.Cells();
        long offset = (long)index * (na + ns);
        if (index < 0 || offset + na > cells.Length) return null;
        return Translate(node, cells.AsSpan((int)offset, na));
    }

    /// <summary>
    /// Translates <paramref name="address"/> (in <paramref name="node"/>'s parent bus, with that
    /// bus's <c>#address-cells</c> cells) to a CPU physical address; null when some level has no
    /// <c>ranges</c>, no range covers it, or the cell counts are unusable.
    /// </summary>
    /// <remarks>Kernel: <c>of_translate_address()</c>.</remarks>
    public static ulong? Translate(DtNode node, ReadOnlySpan<uint> address)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Parent is not { } parent) return null;
        var (na, ns) = CellsOf(node);
        if (!Valid(na, ns) || address.Length < na) return null;
        var addr = address[..na].ToArray();
        var bus = parent;
        while (bus.Parent is { } above)
        {
            // One level: from bus's child address space into above's (the kernel's of_translate_one).
            var (pna, pns) = CellsOf(bus);
            if (!Valid(pna, pns)) return null;
            if (!TranslateOne(bus, addr, na, ns, pna, out var translated)) return null;
            (addr, na, ns, bus) = (translated, pna, pns, above);
        }
        return Read(addr, na);
    }

    /// <summary>The (<c>#address-cells</c>, <c>#size-cells</c>) that <paramref name="node"/>'s own <c>reg</c> is written with: its parent's, else the nearest ancestor's, else 1 and 1.</summary>
    public static (int AddressCells, int SizeCells) CellsOf(DtNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var from = node.Parent ?? node;
        return (Inherited(from, "#address-cells"), Inherited(from, "#size-cells"));
    }

    private static int Inherited(DtNode from, string name)
    {
        for (var n = from; n is not null; n = n.Parent)
        {
            if (n.Property(name) is { Value.Length: 4 } cells) return (int)cells.Cell();
        }
        return 1;
    }

    private static bool Valid(int na, int ns) => na is > 0 and <= MaxAddressCells && ns > 0;

    /// <summary>
    /// Maps <paramref name="addr"/> (<paramref name="na"/> cells, a child address of
    /// <paramref name="bus"/>) through <paramref name="bus"/>'s <c>ranges</c> into its parent's
    /// space (<paramref name="pna"/> cells).
    /// </summary>
    private static bool TranslateOne(DtNode bus, uint[] addr, int na, int ns, int pna, out uint[] translated)
    {
        translated = new uint[pna];
        // A bus with 3 address cells keeps a flags cell first (PCI-like "default-flags" buses).
        int flags = na == 3 ? 1 : 0, parentFlags = pna == 3 ? 1 : 0;
        var ranges = bus.Property("ranges");
        if (ranges is null || ranges.Value.Length % 4 != 0) return false; // no ranges: a boundary translation cannot cross
        ulong offset;
        if (ranges.IsEmpty)
        {
            // Empty ranges: 1:1, flags passed through.
            offset = Read(addr.AsSpan(flags), na - flags);
            if (parentFlags > 0 && flags > 0) translated[0] = addr[0];
        }
        else
        {
            var cells = ranges.Cells();
            int entry = na + pna + ns;
            int found = -1;
            offset = 0;
            for (int at = 0; at + entry <= cells.Length; at += entry)
            {
                if (flags > 0 && cells[at] != addr[0]) continue;
                ulong childBase = Read(cells.AsSpan(at + flags, na - flags), na - flags);
                ulong size = Read(cells.AsSpan(at + na + pna, ns), ns);
                ulong wanted = Read(addr.AsSpan(flags), na - flags);
                if (wanted < childBase || wanted - childBase >= size) continue;
                offset = wanted - childBase;
                found = at;
                break;
            }
            if (found < 0) return false;
            cells.AsSpan(found + na, pna).CopyTo(translated);
        }
        // The parent address plus the offset, written back into its last two cells.
        ulong sum = unchecked(Read(translated.AsSpan(parentFlags), pna - parentFlags) + offset);
        if (pna - parentFlags > 1) translated[pna - 2] = (uint)(sum >> 32);
        for (int i = parentFlags; i < pna - 2; i++) translated[i] = 0;
        translated[pna - 1] = (uint)sum;
        return true;
    }

    /// <summary>The kernel's <c>of_read_number()</c>: cells big-endian into 64 bits (higher cells shift out).</summary>
    private static ulong Read(ReadOnlySpan<uint> cells, int count)
    {
        ulong value = 0;
        for (int i = 0; i < count && i < cells.Length; i++) value = unchecked((value << 32) | cells[i]);
        return value;
    }
}
