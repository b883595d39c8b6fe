namespace DmaActors.DeviceTree;

/// <summary>A device-tree node: name@unit-address, labels, properties in order, children in order.</summary>
public sealed class DtNode
{
    private readonly List<DtProperty> _properties = [];
    private readonly List<DtNode> _children = [];
    private readonly List<string> _labels = [];

    internal DtNode(string name, DtNode? parent, SourceLocation location)
    {
        Name = name;
        Parent = parent;
        Location = location;
    }

    /// <summary>The full name, e.g. <c>edma@49000000</c> ("" for the root).</summary>
    public string Name { get; }

    /// <summary>The name before '@'.</summary>
    public string BaseName => Name.Split('@')[0];

    /// <summary>The unit address after '@', if any.</summary>
    public string? UnitAddress => Name.Contains('@', StringComparison.Ordinal) ? Name[(Name.IndexOf('@', StringComparison.Ordinal) + 1)..] : null;

    /// <summary>The parent; null for the root.</summary>
    public DtNode? Parent { get; }

    /// <summary>Where it was (first) defined.</summary>
    public SourceLocation Location { get; }

    /// <summary>Labels attached to it.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Properties, in definition order.</summary>
    public IReadOnlyList<DtProperty> Properties => _properties;

    /// <summary>Children, in definition order.</summary>
    public IReadOnlyList<DtNode> Children => _children;

    /// <summary>The full path, e.g. <c>/ocp/edma@49000000</c>.</summary>
    public string Path => Parent is null ? "/" : (Parent.Parent is null ? "/" : Parent.Path + "/") + Name;

    /// <summary>The node's phandle, if it has one.</summary>
    public uint? Phandle => (Property("phandle") ?? Property("linux,phandle"))?.Cell();

    /// <summary>The property named <paramref name="name"/>, or null.</summary>
    public DtProperty? Property(string name) => _properties.Find(p => p.Name == name);

    /// <summary>The child named <paramref name="name"/> (full name, or base name when unique), or null.</summary>
    public DtNode? Child(string name) => _children.Find(c => c.Name == name) ?? (_children.Count(c => c.BaseName == name) == 1 ? _children.Find(c => c.BaseName == name) : null);

    /// <summary>Whether its <c>compatible</c> list contains <paramref name="compatible"/>.</summary>
    public bool IsCompatible(string compatible) => Property("compatible")?.Strings().Contains(compatible) == true;

    /// <summary>This node and every descendant, depth first.</summary>
    public IEnumerable<DtNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in _children)
        {
            foreach (var node in child.SelfAndDescendants()) yield return node;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Path;

    internal void AddLabel(string label)
    {
        if (!_labels.Contains(label)) _labels.Add(label);
    }

    internal DtNode GetOrAddChild(string name, SourceLocation location)
    {
        var existing = _children.Find(c => c.Name == name);
        if (existing is not null) return existing;
        var child = new DtNode(name, this, location);
        _children.Add(child);
        return child;
    }

    internal void SetProperty(DtProperty property)
    {
        int index = _properties.FindIndex(p => p.Name == property.Name);
        if (index >= 0) _properties[index] = property;
        else _properties.Add(property);
    }

    internal void DeleteProperty(string name) => _properties.RemoveAll(p => p.Name == name);

    internal bool DeleteChild(DtNode child) => _children.Remove(child);
}
