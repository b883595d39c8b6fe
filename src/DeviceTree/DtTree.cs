namespace DmaActors.DeviceTree;

/// <summary>A parsed device tree: the root, its labels, and look-ups by path, label and phandle.</summary>
public sealed class DtTree
{
    private readonly Dictionary<uint, DtNode> _byPhandle = [];

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
        var node = Root;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node.Child(part);
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>The node labelled <paramref name="label"/>, or null.</summary>
    public DtNode? FindByLabel(string label) => Nodes.FirstOrDefault(n => n.Labels.Contains(label));

    /// <summary>The node whose phandle is <paramref name="phandle"/>, or null.</summary>
    public DtNode? FindByPhandle(uint phandle) => _byPhandle.GetValueOrDefault(phandle);

    /// <summary>Nodes whose <c>compatible</c> contains <paramref name="compatible"/>.</summary>
    public IEnumerable<DtNode> Compatible(string compatible) => Nodes.Where(n => n.IsCompatible(compatible));

    internal void Reindex()
    {
        _byPhandle.Clear();
        foreach (var node in Nodes)
        {
            if (node.Phandle is { } phandle) _byPhandle[phandle] = node;
        }
    }
}
