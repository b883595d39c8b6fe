namespace DmaActors.DeviceTree;

/// <summary>A device-tree node: name@unit-address, labels, properties in order, children in order.</summary>
/// <remarks>
/// Properties and children are kept in definition order and, past <see cref="IndexFrom"/> of
/// them, indexed by name, so that building a tree is linear in its size: adding, replacing,
/// finding and deleting one costs the same in a node with 100,000 children as in one with two.
/// A small node keeps no index (most nodes: a search of a few entries beats building one, and
/// the tree is that much smaller). A deletion leaves a hole that is closed before the lists are
/// shown (<see cref="Seal"/>, which the readers call once the tree is built).
/// </remarks>
public sealed class DtNode
{
    /// <summary>From this many properties (or children) on, a node looks them up by a dictionary.</summary>
    private const int IndexFrom = 8;

    /// <summary>Fills a deleted property's place until the list is compacted; never shown (no real property has an empty name).</summary>
    private static readonly DtProperty DeletedProperty = new("", [], default);

    /// <summary>Fills a deleted child's place until the list is compacted; never shown.</summary>
    private static readonly DtNode DeletedChild = new("", null, default);

    private readonly List<DtProperty> _properties = [];
    private Dictionary<string, int>? _propertySlots;
    private List<DtNode>? _children;
    private Dictionary<string, int>? _childSlots;

    /// <summary>Children by the name before '@': the only one, or a set when several share it (for <see cref="Child"/>'s look-up by base name).</summary>
    private Dictionary<string, object>? _childrenByBaseName;

    private string[]? _labels;
    private int _holes;
    private string? _path;

    internal DtNode(string name, DtNode? parent, SourceLocation location)
    {
        Name = name;
        Parent = parent;
        Location = location;
        Depth = parent is null ? 0 : parent.Depth + 1;
        int at = name.IndexOf('@', StringComparison.Ordinal);
        BaseName = at < 0 ? name : name[..at];
    }

    /// <summary>The full name, e.g. <c>edma@49000000</c> ("" for the root).</summary>
    public string Name { get; }

    /// <summary>The name before '@'.</summary>
    public string BaseName { get; }

    /// <summary>The unit address after '@', if any.</summary>
    public string? UnitAddress => BaseName.Length == Name.Length ? null : Name[(BaseName.Length + 1)..];

    /// <summary>The parent; null for the root.</summary>
    public DtNode? Parent { get; }

    /// <summary>Where it was (first) defined.</summary>
    public SourceLocation Location { get; }

    /// <summary>Labels attached to it.</summary>
    public IReadOnlyList<string> Labels => _labels ?? (IReadOnlyList<string>)[];

    /// <summary>Properties, in definition order.</summary>
    public IReadOnlyList<DtProperty> Properties
    {
        get
        {
            Seal();
            return _properties;
        }
    }

    /// <summary>Children, in definition order.</summary>
    public IReadOnlyList<DtNode> Children
    {
        get
        {
            Seal();
            return _children ?? (IReadOnlyList<DtNode>)[];
        }
    }

    /// <summary>The full path, e.g. <c>/ocp/edma@49000000</c>.</summary>
    public string Path => _path ??= Parent is null ? "/" : (Parent.Parent is null ? "/" : Parent.Path + "/") + Name;

    /// <summary>The node's phandle, if it has one.</summary>
    public uint? Phandle => (Property("phandle") ?? Property("linux,phandle"))?.Cell();

    /// <summary>How many ancestors it has (0 for the root).</summary>
    internal int Depth { get; }

    /// <summary>Set on a node (and its descendants) that a <c>/delete-node/</c> took out of the tree.</summary>
    internal bool IsDeleted { get; set; }

    /// <summary>The last node body (a parser's count) that defined this node: a second definition in the same body is dtc's duplicate_node_names.</summary>
    internal int DefinedInBody { get; set; }

    /// <summary>The property named <paramref name="name"/>, or null.</summary>
    public DtProperty? Property(string name) => PropertySlot(name) is var slot and >= 0 ? _properties[slot] : null;

    /// <summary>The child named <paramref name="name"/> (full name, or base name when unique), or null.</summary>
    public DtNode? Child(string name)
    {
        if (_children is null) return null;
        if (ChildSlot(name) is var slot and >= 0) return _children[slot];
        if (_childrenByBaseName is not null) return _childrenByBaseName.TryGetValue(name, out var found) ? found as DtNode : null;
        DtNode? only = null;
        foreach (var child in _children)
        {
            if (child.BaseName != name || ReferenceEquals(child, DeletedChild)) continue;
            if (only is not null) return null;
            only = child;
        }
        return only;
    }

    /// <summary>Whether its <c>compatible</c> list contains <paramref name="compatible"/>.</summary>
    public bool IsCompatible(string compatible) => Property("compatible")?.Strings().Contains(compatible) == true;

    /// <summary>This node and every descendant, depth first.</summary>
    public IEnumerable<DtNode> SelfAndDescendants()
    {
        // An explicit stack: the cost per node does not grow with its depth.
        var pending = new Stack<(DtNode Node, int Next)>();
        yield return this;
        pending.Push((this, 0));
        while (pending.Count > 0)
        {
            var (node, next) = pending.Pop();
            var children = node.Children;
            if (next >= children.Count) continue;
            pending.Push((node, next + 1));
            var child = children[next];
            yield return child;
            pending.Push((child, 0));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Path;

    internal void AddLabel(string label)
    {
        // An array, not a list: a node has one label, seldom two.
        if (_labels is null) _labels = [label];
        else if (!_labels.Contains(label)) _labels = [.. _labels, label];
    }

    /// <summary>The child called <paramref name="name"/>, made (at <paramref name="location"/>) if there is none.</summary>
    internal DtNode GetOrAddChild(string name, SourceLocation location) => ChildSlot(name) is var slot and >= 0 ? _children![slot] : AddChild(name, location);

    /// <summary>A new child called <paramref name="name"/>, after the others (a same-named one must not exist).</summary>
    internal DtNode AddChild(string name, SourceLocation location)
    {
        var child = new DtNode(name, this, location);
        _children ??= [];
        _children.Add(child);
        if (_childSlots is not null) IndexChild(child, _children.Count - 1);
        else if (_children.Count - _holes >= IndexFrom) IndexChildren();
        return child;
    }

    /// <summary>Sets <paramref name="property"/>: in the place of a same-named one (dtc's order), else after the others.</summary>
    internal void SetProperty(DtProperty property)
    {
        if (PropertySlot(property.Name) is var slot and >= 0)
        {
            _properties[slot] = property;
            return;
        }
        _properties.Add(property);
        if (_propertySlots is not null) _propertySlots.Add(property.Name, _properties.Count - 1);
        else if (_properties.Count - _holes >= IndexFrom) IndexProperties();
    }

    internal void DeleteProperty(string name)
    {
        if (PropertySlot(name) is not (var slot and >= 0)) return;
        _propertySlots?.Remove(name);
        _properties[slot] = DeletedProperty;
        _holes++;
    }

    internal bool DeleteChild(DtNode child)
    {
        if (ChildSlot(child.Name) is not (var slot and >= 0) || _children![slot] != child) return false;
        _childSlots?.Remove(child.Name);
        _children[slot] = DeletedChild;
        _holes++;
        if (_childrenByBaseName is null) return true;
        var same = _childrenByBaseName[child.BaseName];
        if (same is HashSet<DtNode> several)
        {
            several.Remove(child);
            if (several.Count == 1) _childrenByBaseName[child.BaseName] = several.First();
        }
        else
        {
            _childrenByBaseName.Remove(child.BaseName);
        }
        return true;
    }

    /// <summary>Closes the holes deletions left, renumbering the indexes; a no-op when there are none.</summary>
    internal void Seal()
    {
        if (_holes == 0) return;
        _properties.RemoveAll(p => ReferenceEquals(p, DeletedProperty));
        _children?.RemoveAll(c => ReferenceEquals(c, DeletedChild));
        _holes = 0;
        if (_propertySlots is not null) IndexProperties();
        if (_childSlots is not null) IndexChildren();
    }

    private int PropertySlot(string name)
    {
        if (_propertySlots is not null) return _propertySlots.TryGetValue(name, out int slot) ? slot : -1;
        for (int i = 0; i < _properties.Count; i++)
        {
            if (_properties[i].Name == name) return i;
        }
        return -1;
    }

    private int ChildSlot(string name)
    {
        if (_children is null) return -1;
        if (_childSlots is not null) return _childSlots.TryGetValue(name, out int slot) ? slot : -1;
        for (int i = 0; i < _children.Count; i++)
        {
            if (_children[i].Name == name && !ReferenceEquals(_children[i], DeletedChild)) return i;
        }
        return -1;
    }

    private void IndexProperties()
    {
        _propertySlots = new(StringComparer.Ordinal);
        for (int i = 0; i < _properties.Count; i++)
        {
            if (!ReferenceEquals(_properties[i], DeletedProperty)) _propertySlots[_properties[i].Name] = i;
        }
    }

    private void IndexChildren()
    {
        _childSlots = new(StringComparer.Ordinal);
        _childrenByBaseName = new(StringComparer.Ordinal);
        for (int i = 0; i < _children!.Count; i++)
        {
            if (!ReferenceEquals(_children[i], DeletedChild)) IndexChild(_children[i], i);
        }
    }

    private void IndexChild(DtNode child, int slot)
    {
        _childSlots![child.Name] = slot;
        if (!_childrenByBaseName!.TryGetValue(child.BaseName, out var same)) _childrenByBaseName[child.BaseName] = child;
        else if (same is HashSet<DtNode> several) several.Add(child);
        else _childrenByBaseName[child.BaseName] = new HashSet<DtNode> { (DtNode)same, child };
    }
}
