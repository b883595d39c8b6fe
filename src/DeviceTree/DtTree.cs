namespace DmaActors.DeviceTree;

/// <summary>A parsed device tree: the root, its labels, and look-ups by path, label and phandle.</summary>
/// <remarks>Look-ups by path, label and phandle go through indexes built once, with the tree.</remarks>
public sealed class DtTree
{
    private readonly Dictionary<uint, DtNode> _byPhandle = [];
    private readonly Dictionary<string, DtNode> _byLabel = new(StringComparer.Ordinal);

    internal DtTree(DtNode root)
    {
        Root = root;
        Reindex();
    }

    /// <summary>The root node (<c>/</c>).</summary>
    public DtNode Root { get; }

    /// <summary>Every node, depth first.</summary>
    public IEnumerable<DtNode> Nodes => Root.SelfAndDescendants();

    /// <summary>The node at <paramref name="path"/> (e.g. <c>/ocp/spi@48030000</c>), or null.</summary>
    public DtNode? FindByPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DtsParser.FindByPath(Root, path);
    }

    /// <summary>The node labelled <paramref name="label"/>, or null.</summary>
    public DtNode? FindByLabel(string label) => _byLabel.GetValueOrDefault(label);

    /// <summary>The node whose phandle is <paramref name="phandle"/>, or null.</summary>
    public DtNode? FindByPhandle(uint phandle) => _byPhandle.GetValueOrDefault(phandle);

    /// <summary>Nodes whose <c>compatible</c> contains <paramref name="compatible"/>.</summary>
    public IEnumerable<DtNode> Compatible(string compatible) => Nodes.Where(n => n.IsCompatible(compatible));

    private void Reindex()
    {
        foreach (var node in Nodes)
        {
            node.Seal();
            // A malformed phandle is refused by DtValidation, which the readers run next.
            if ((node.Property("phandle") ?? node.Property("linux,phandle")) is { Value.Length: 4 } phandle) _byPhandle.TryAdd(phandle.Cell(), node);
            foreach (var label in node.Labels) _byLabel.TryAdd(label, node);
        }
    }
}
