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
    /// <summary>dtc's limit on nested <c>/include/</c>s (<c>MAX_SRCFILE_DEPTH</c>).</summary>
    internal const int MaxIncludeDepth = 200;

    private readonly Stack<(DtsLexer Lexer, string File)> _lexers = new();
    private readonly IncludeReader _readInclude;
    private readonly List<(DtProperty Property, List<object> Parts)> _pending = [];
    private readonly List<PhandleFixup> _fixups = [];
    private readonly DtNode _root;
    private DtsToken _token;
    private DtsToken? _peeked;

    /// <summary>Finds and reads an <c>/include/</c>d file: (including file, name as written, where) → (its path, its text).</summary>
    private delegate (string Path, string Text) IncludeReader(string includer, string name, SourceLocation at);

    private DtsParser(string text, string file, IncludeReader readInclude)
    {
        _readInclude = readInclude;
        _lexers.Push((new DtsLexer(text, file), file));
        _root = new DtNode("", null, new SourceLocation(file, 1, 1));
    }

    /// <summary>Parses DTS text (already preprocessed, if it needed cpp).</summary>
    /// <param name="text">The source.</param>
    /// <param name="file">Its name, for error locations.</param>
    /// <param name="readInclude">Reads an <c>/include/</c>d file: (including file, included name) → text. Null: from disk, relative to the including file.</param>
    /// <exception cref="DtsSyntaxException">The source is malformed.</exception>
    public static DtTree Parse(string text, string file = "<dts>", Func<string, string, string>? readInclude = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        IncludeReader reader = readInclude is null
            ? (includer, name, at) => ReadIncludeFromDisk(includer, name, [], at)
            : (includer, name, at) =>
            {
                try
                {
                    return (name, readInclude(includer, name));
                }
                catch (IOException e)
                {
                    throw new DtsSyntaxException(at, $"cannot read included file '{name}': {e.Message}");
                }
            };
        return new DtsParser(text, file, reader).ParseTree();
    }

    /// <summary>Parses DTS text, reading <c>/include/</c>d files from disk as dtc does: the including file's directory first, then <see cref="DtsLoadOptions.SearchDirectories"/> (<c>dtc -i</c>).</summary>
    /// <param name="text">The source.</param>
    /// <param name="file">Its name, for error locations and for finding its <c>/include/</c>s.</param>
    /// <param name="options">The search directories.</param>
    /// <exception cref="DtsSyntaxException">The source is malformed, an included file cannot be found, or includes nest in a cycle.</exception>
    public static DtTree Parse(string text, string file, DtsLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        return new DtsParser(text, file, (includer, name, at) => ReadIncludeFromDisk(includer, name, options.SearchDirectories, at)).ParseTree();
    }

    /// <summary>dtc's <c>srcfile_relative_open</c>: an absolute name as it is, else the including file's directory, then each search directory.</summary>
    private static (string Path, string Text) ReadIncludeFromDisk(string includer, string name, IReadOnlyList<string> searchDirectories, SourceLocation at)
    {
        var own = Path.GetDirectoryName(Path.GetFullPath(includer)) ?? ".";
        var candidates = Path.IsPathRooted(name) ? [name] : new[] { own }.Concat(searchDirectories).Select(d => Path.Combine(d, name)).ToList();
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate)) continue;
            try
            {
                return (Path.GetFullPath(candidate), File.ReadAllText(candidate));
            }
            catch (IOException e)
            {
                throw new DtsSyntaxException(at, $"cannot read included file '{candidate}': {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                throw new DtsSyntaxException(at, $"cannot read included file '{candidate}': {e.Message}");
            }
        }
        var looked = Path.IsPathRooted(name) ? name : string.Join(", ", new[] { own }.Concat(searchDirectories));
        throw new DtsSyntaxException(at, $"/include/ \"{name}\": no such file (looked in {looked}; add a directory with -i DIR, as dtc takes it)");
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
