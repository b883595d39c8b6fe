using System.Buffers.Binary;
using System.Text;

namespace DmaActors.DeviceTree;

/// <summary>
/// Reads device-tree source as dtc does: <c>/dts-v1/</c>, nodes with labels, properties with cell
/// arrays (numbers, character literals, parenthesised C expressions, <c>&amp;label</c> phandle
/// references, <c>/bits/ n</c>), strings and string lists, byte strings, path references,
/// <c>&amp;label { ... }</c> extensions, <c>/delete-node/</c>, <c>/delete-property/</c>,
/// <c>/memreserve/</c> and <c>/include/</c>. Phandles are assigned to referenced nodes that have
/// none. Errors give file:line:column and what was expected.
/// </summary>
public sealed partial class DtsParser
{
    private readonly Stack<(DtsLexer Lexer, string File)> _lexers = new();
    private readonly Func<string, string, string> _readInclude;
    private readonly List<(DtProperty Property, List<object> Parts)> _pending = [];
    private readonly List<PhandleFixup> _fixups = [];
    private readonly DtNode _root;
    private DtsToken _token;
    private DtsToken? _peeked;

    private DtsParser(string text, string file, Func<string, string, string> readInclude)
    {
        _readInclude = readInclude;
        _lexers.Push((new DtsLexer(text, file), file));
        _root = new DtNode("", null, new SourceLocation(file, 1, 1));
    }

    /// <summary>Parses DTS text (already preprocessed, if it needed cpp).</summary>
    /// <param name="text">The source.</param>
    /// <param name="file">Its name, for error locations.</param>
    /// <param name="readInclude">Reads an <c>/include/</c>d file: (including file, included name) → text. Null: relative to the including file on disk.</param>
    /// <exception cref="DtsSyntaxException">The source is malformed.</exception>
    public static DtTree Parse(string text, string file = "<dts>", Func<string, string, string>? readInclude = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new DtsParser(text, file, readInclude ?? ReadIncludeFromDisk);
        return parser.ParseTree();
    }

    private static string ReadIncludeFromDisk(string includer, string name)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(includer)) ?? ".";
        return File.ReadAllText(Path.Combine(directory, name));
    }

    private DtTree ParseTree()
    {
        while (Advance().Kind != DtsTokenKind.End)
        {
            if (IsDirective("/dts-v1/") || IsDirective("/plugin/")) Expect(";");
            else if (IsDirective("/memreserve/")) SkipMemreserve();
            else if (IsDirective("/delete-node/")) DeleteNode(Resolve(ParseReferenceAfterAmpersand(requireAmpersand: true)));
            else if (IsPunct("/")) ParseNodeBody(_root);
            else if (IsPunct("&")) ParseNodeBody(Resolve(ParseReferenceAfterAmpersand(requireAmpersand: false)));
            else if (_token.Kind == DtsTokenKind.Word && PeekIsPunct(":")) AttachTopLevelLabel();
            else throw Error("expected '/dts-v1/;', a root node '/ { ... };' or '&label { ... };'");
        }
        return Finish();
    }

    private void AttachTopLevelLabel()
    {
        var label = _token.Text;
        Expect(":");
        Advance();
        var node = IsPunct("/") ? _root : IsPunct("&") ? Resolve(ParseReferenceAfterAmpersand(requireAmpersand: false)) : throw Error("expected '/' or '&label' after a top-level label");
        node.AddLabel(label);
        ParseNodeBody(node);
    }

    /// <summary>After the node's name: <c>{ body } ;</c>.</summary>
    private void ParseNodeBody(DtNode node)
    {
        Expect("{");
        while (true)
        {
            Advance();
            if (IsPunct("}")) break;
            if (_token.Kind == DtsTokenKind.End) throw Error($"expected '}}' to close node {node.Path}");
            if (IsDirective("/delete-property/"))
            {
                node.DeleteProperty(ExpectWord("a property name after /delete-property/"));
                Expect(";");
                continue;
            }
            if (IsDirective("/delete-node/"))
            {
                var name = ExpectWord("a node name after /delete-node/");
                if (node.Child(name) is { } child) node.DeleteChild(child);
                Expect(";");
                continue;
            }
            ParseMember(node);
        }
        Expect(";");
    }

    /// <summary>A property or a child node, with optional labels.</summary>
    private void ParseMember(DtNode node)
    {
        var labels = new List<string>();
        while (IsWordLike() && PeekIsPunct(":"))
        {
            labels.Add(_token.Text);
            Advance();
            Advance();
        }
        if (!IsWordLike()) throw Error("expected a property or node name");
        var name = _token.Text;
        var at = _token.Location;
        var next = Peek();
        if (next.Kind == DtsTokenKind.Punct && next.Text == "{")
        {
            var child = node.GetOrAddChild(name, at);
            foreach (var label in labels) child.AddLabel(label);
            ParseNodeBody(child);
            return;
        }
        if (next.Kind == DtsTokenKind.Punct && next.Text == ";")
        {
            Advance();
            node.SetProperty(new DtProperty(name, [], at));
            return;
        }
        if (next.Kind == DtsTokenKind.Punct && next.Text == "=")
        {
            Advance();
            var property = new DtProperty(name, [], at);
            _pending.Add((property, ParsePropertyValue()));
            node.SetProperty(property);
            return;
        }
        throw Error($"expected '{{', '=' or ';' after '{name}'", next.Location);
    }

    private void SkipMemreserve()
    {
        for (int i = 0; i < 2; i++)
        {
            if (Advance().Kind != DtsTokenKind.Number) throw Error("expected an address and a size after /memreserve/");
        }
        Expect(";");
    }

    private DtTree Finish()
    {
        // Values first (explicit phandles must be readable), then references, then values again
        // with the patched phandle cells.
        Materialise();
        var tree = new DtTree(_root);
        uint next = tree.Nodes.Select(n => n.Phandle ?? 0).DefaultIfEmpty(0u).Max() + 1;
        foreach (var fixup in _fixups)
        {
            var target = Resolve(fixup.Reference);
            if (target.Phandle is not { } phandle)
            {
                phandle = next++;
                target.SetProperty(new DtProperty("phandle", BigEndian(phandle), fixup.Reference.Location));
            }
            BinaryPrimitives.WriteUInt32BigEndian(fixup.Part.AsSpan(fixup.Offset), phandle);
        }
        Materialise();
        tree.Reindex();
        return tree;
    }

    private void Materialise()
    {
        foreach (var (property, parts) in _pending)
        {
            var bytes = new List<byte>();
            foreach (var part in parts)
            {
                if (part is byte[] raw) bytes.AddRange(raw);
                else if (part is DtsReference path) bytes.AddRange(Encoding.UTF8.GetBytes(Resolve(path).Path + "\0"));
            }
            property.Value = [.. bytes];
        }
    }

    private DtNode Resolve(DtsReference reference)
    {
        var node = reference.IsPath ? new DtTree(_root).FindByPath(reference.Target) : _root.SelfAndDescendants().FirstOrDefault(n => n.Labels.Contains(reference.Target));
        return node ?? throw new DtsSyntaxException(reference.Location, reference.IsPath ? $"no node at path '{reference.Target}'" : $"no node is labelled '{reference.Target}'");
    }

    private void DeleteNode(DtNode node)
    {
        Expect(";");
        if (node.Parent is null) throw Error("the root node cannot be deleted");
        node.Parent.DeleteChild(node);
    }

    internal static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
