using System.Buffers.Binary;

namespace DmaActors.DeviceTree;

// Labels, references and the end of a parse: one index of labels (kept through deletions), paths
// walked through the children's indexes, phandles assigned to referenced nodes, values patched.
public sealed partial class DtsParser
{
    /// <summary>Every label: on a node, or on a property (which no reference may name, but no other label may repeat). An entry whose node was deleted counts as absent.</summary>
    private readonly Dictionary<string, LabelOwner> _labels = new(StringComparer.Ordinal);

    /// <summary>What a label names: a node, or a property of one.</summary>
    private readonly record struct LabelOwner(DtNode Node, string? Property, SourceLocation At)
    {
        public override string ToString() => Property is null ? Node.Path : $"{Node.Path}:{Property}";
    }

    /// <summary>dtc's <c>duplicate_label</c>: a label names one thing (the same node may be labelled again).</summary>
    private void AddLabel(DtNode node, string label, SourceLocation at)
    {
        CheckLabel(label, at);
        if (_labels.TryGetValue(label, out var owner) && !owner.Node.IsDeleted && (owner.Property is not null || owner.Node != node))
            throw DuplicateLabel(label, owner, node.Path, at);
        _labels[label] = new LabelOwner(node, null, at);
        node.AddLabel(label);
    }

    private void AddPropertyLabel(DtNode node, string property, string label, SourceLocation at)
    {
        CheckLabel(label, at);
        if (_labels.TryGetValue(label, out var owner) && !owner.Node.IsDeleted && (owner.Property != property || owner.Node != node))
            throw DuplicateLabel(label, owner, $"{node.Path}:{property}", at);
        _labels[label] = new LabelOwner(node, property, at);
    }

    /// <summary>A label is a C identifier (dtc's lexer: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>), so that every label can be referred to.</summary>
    private static void CheckLabel(string label, SourceLocation at)
    {
        if (label.Length == 0 || char.IsAsciiDigit(label[0]) || label.AsSpan().ContainsAnyExcept(LabelChars))
            throw new DtsSyntaxException(at, $"'{label}' is not a label: letters, digits and '_', not starting with a digit (dtc's label syntax)");
    }

    private static readonly System.Buffers.SearchValues<char> LabelChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private static DtsSyntaxException DuplicateLabel(string label, LabelOwner first, string second, SourceLocation at) =>
        new(at, $"label '{label}' is on {first} (at {first.At}) and on {second}: a label names one node or property (dtc: duplicate_label)");

    private DtNode Resolve(DtsReference reference)
    {
        DtNode? node = reference.IsPath
            ? FindByPath(_root, reference.Target)
            : _labels.TryGetValue(reference.Target, out var owner) && owner.Property is null && !owner.Node.IsDeleted ? owner.Node : null;
        return node ?? throw new DtsSyntaxException(reference.Location, reference.IsPath
            ? $"no node at path '{reference.Target}' (dtc: path_references)"
            : $"no node is labelled '{reference.Target}' (dtc: phandle_references)");
    }

    /// <summary>The node at <paramref name="path"/> below <paramref name="root"/>: each step a look-up in the children's index.</summary>
    internal static DtNode? FindByPath(DtNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node.Child(part);
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>Takes <paramref name="node"/> out of the tree. Its labels and its descendants' are free again, as in dtc: an index entry whose node is deleted counts as absent.</summary>
    private static void DeleteSubtree(DtNode node)
    {
        node.Parent!.DeleteChild(node);
        foreach (var gone in node.SelfAndDescendants()) gone.IsDeleted = true;
    }

    private DtTree Finish()
    {
        // Values first (explicit phandles must be readable), then references, then the values
        // that held a reference again, with their phandle cells patched.
        var live = _pending.Where(p => p.IsLive).ToList();
        foreach (var pending in live) Materialise(pending);
        foreach (var node in _root.SelfAndDescendants()) node.Seal();
        var used = DtValidation.ExplicitPhandles(_root);
        uint next = used.Count == 0 ? 1 : used.Keys.Max() + 1;
        foreach (var pending in live)
        {
            if (pending.Fixups.Count == 0) continue;
            foreach (var fixup in pending.Fixups)
            {
                var target = Resolve(fixup.Reference);
                if (target.Phandle is not { } phandle)
                {
                    if (next is 0 or 0xFFFF_FFFF) throw new DtsSyntaxException(fixup.Reference.Location, "no phandle value is left to give this node: explicit phandles use up to 0xfffffffe (dtc: explicit_phandles)");
                    phandle = next++;
                    target.SetProperty(new DtProperty("phandle", BigEndian(phandle), fixup.Reference.Location));
                }
                BinaryPrimitives.WriteUInt32BigEndian(fixup.Part.AsSpan(fixup.Offset), phandle);
            }
            Materialise(pending);
        }
        var tree = new DtTree(_root);
        DtValidation.Check(tree, phandlesChecked: true);
        return tree;
    }

    /// <summary>The property's value: its pieces end to end, with each path reference as the path and a NUL.</summary>
    private void Materialise(PendingValue pending) => pending.Property.Value = Join(pending.Parts);

    private byte[] Join(List<object> parts)
    {
        if (parts is [byte[] only]) return only;
        long total = 0;
        for (int i = 0; i < parts.Count; i++)
        {
            if (parts[i] is DtsReference path) parts[i] = System.Text.Encoding.UTF8.GetBytes(Resolve(path).Path + "\0");
            total += ((byte[])parts[i]).Length;
        }
        if (total > Array.MaxLength) throw new DtsSyntaxException(_token.Location, $"a property value of {total} bytes is past the largest array");
        var value = new byte[total];
        int at = 0;
        foreach (byte[] piece in parts)
        {
            piece.CopyTo(value, at);
            at += piece.Length;
        }
        return value;
    }

    internal static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
