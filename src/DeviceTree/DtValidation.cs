namespace DmaActors.DeviceTree;

/// <summary>
/// Rules every tree must keep, whether it was written as source or came as a blob, checked once
/// it is built so that no later reader meets a value it cannot decode. Each error names the node,
/// the rule (dtc's check where dtc has one) and, where the kernel is the reason, what it does.
/// </summary>
internal static class DtValidation
{
    /// <summary>The kernel's <c>OF_MAX_ADDR_CELLS</c>; a size is held to the same width.</summary>
    private const int MaxCells = 4;

    private static readonly string[] PhandleNames = ["phandle", "linux,phandle"];

    private static readonly System.Buffers.SearchValues<char> NodeNameChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._+-@");

    private static readonly System.Buffers.SearchValues<char> PropertyNameChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._+*#?-");

    /// <summary>
    /// dtc's <c>explicit_phandles</c>: a <c>phandle</c> (or <c>linux,phandle</c>) is one cell, neither
    /// 0 nor 0xffffffff, the two agree where both are given, and no two nodes share one.
    /// </summary>
    /// <returns>Every node with a phandle, by phandle.</returns>
    public static Dictionary<uint, DtNode> ExplicitPhandles(DtNode root)
    {
        var seen = new Dictionary<uint, DtNode>();
        foreach (var node in root.SelfAndDescendants())
        {
            uint? mine = null;
            foreach (var name in PhandleNames)
            {
                if (node.Property(name) is not { } property) continue;
                if (property.Value.Length != 4)
                    throw new DtsSyntaxException(property.Location, $"{node.Path}: '{name}' is {property.Value.Length} bytes; a phandle is one cell (dtc: explicit_phandles)");
                uint value = property.Cell();
                if (value is 0 or 0xFFFF_FFFF)
                    throw new DtsSyntaxException(property.Location, $"{node.Path}: bad value (0x{value:x}) in '{name}': 0 and 0xffffffff are not phandles (dtc: explicit_phandles)");
                if (mine is { } other && other != value)
                    throw new DtsSyntaxException(property.Location, $"{node.Path}: 'linux,phandle' 0x{value:x} disagrees with 'phandle' 0x{other:x} (dtc: explicit_phandles)");
                mine = value;
            }
            if (mine is not { } phandle) continue;
            if (seen.TryGetValue(phandle, out var first) && first != node)
                throw new DtsSyntaxException(node.Property("phandle")?.Location ?? node.Location, $"{node.Path}: duplicated phandle 0x{phandle:x} (seen before at {first.Path}) (dtc: explicit_phandles)");
            seen[phandle] = node;
        }
        return seen;
    }

    /// <summary>Every rule, on a built tree (the parsers call it; a tree that passes reads without surprises).</summary>
    /// <param name="tree">The tree.</param>
    /// <param name="phandlesChecked">Whether <see cref="ExplicitPhandles"/> has already run on it, and the tree has only gained phandles it gave out since.</param>
    public static void Check(DtTree tree, bool phandlesChecked = false)
    {
        if (!phandlesChecked) ExplicitPhandles(tree.Root);
        foreach (var node in tree.Nodes)
        {
            CheckNames(node);
            CheckCellCount(node, "#address-cells", "address_cells_is_cell");
            CheckCellCount(node, "#size-cells", "size_cells_is_cell");
            if (node.Parent is not null && node.Property("reg") is { } reg && DtAddress.CellsOf(node).AddressCells == 0)
                throw new DtsSyntaxException(reg.Location, $"{node.Path} has 'reg' but its bus's #address-cells is 0: a reg without an address cannot be read (the kernel's OF_CHECK_ADDR_COUNT refuses it; dtc: reg_format)");
        }
    }

    /// <summary>
    /// dtc's <c>node_name_chars</c> (letters, digits and <c>,._+-</c>, and '@' before a unit
    /// address), <c>node_name_format</c> (one '@' at most), <c>property_name_chars</c> (letters,
    /// digits and <c>,._+*#?-</c>), and <c>name_is_string</c>/<c>name_properties</c> (a
    /// <c>name</c> property is the node's name without its unit address).
    /// </summary>
    private static void CheckNames(DtNode node)
    {
        if (node.Parent is not null)
        {
            int bad = node.Name.AsSpan().IndexOfAnyExcept(NodeNameChars);
            if (bad >= 0) throw new DtsSyntaxException(node.Location, $"{node.Path}: bad character '{node.Name[bad]}' in a node name (dtc: node_name_chars)");
            if (node.Name.AsSpan().Count('@') > 1) throw new DtsSyntaxException(node.Location, $"{node.Path}: more than one '@' in a node name (dtc: node_name_format)");
        }
        foreach (var property in node.Properties)
        {
            int bad = property.Name.AsSpan().IndexOfAnyExcept(PropertyNameChars);
            if (bad >= 0) throw new DtsSyntaxException(property.Location, $"{node.Path}: bad character '{property.Name[bad]}' in property name '{property.Name}' (dtc: property_name_chars)");
        }
        if (node.Property("name") is { } name && node.Parent is not null && (name.Value is not [.., 0] || name.Strings() is not [var only] || only != node.BaseName))
            throw new DtsSyntaxException(name.Location, $"{node.Path}: a 'name' property must be the string \"{node.BaseName}\" (dtc: name_properties)");
    }

    /// <summary><c>#address-cells</c> and <c>#size-cells</c> are one cell of at most <see cref="MaxCells"/>.</summary>
    private static void CheckCellCount(DtNode node, string name, string rule)
    {
        if (node.Property(name) is not { } property) return;
        if (property.Value.Length != 4)
            throw new DtsSyntaxException(property.Location, $"{node.Path}: '{name}' is {property.Value.Length} bytes; it must be one cell (dtc: {rule})");
        uint count = property.Cell();
        if (count > MaxCells)
            throw new DtsSyntaxException(property.Location, $"{node.Path}: '{name}' is {count}; at most {MaxCells} cells (the kernel's OF_MAX_ADDR_CELLS) can be read");
    }
}
