namespace DmaActors.DeviceTree;

/// <summary>
/// Reads device-tree source as dtc does: <c>/dts-v1/</c>, nodes with labels, properties with cell
/// arrays (numbers, character literals, parenthesised C expressions, <c>&amp;label</c> phandle
/// references, <c>/bits/ n</c>), strings and string lists, byte strings, path references,
/// <c>&amp;label { ... }</c> extensions, <c>/delete-node/</c>, <c>/delete-property/</c>,
/// <c>/memreserve/</c> and <c>/include/</c>. Phandles are assigned to referenced nodes that have
/// none. Errors give file:line:column, what was expected, and the rule (dtc's check name where
/// dtc has one).
/// </summary>
/// <remarks>
/// Linear in the input: labels, paths, children and properties are found through indexes, never
/// by a scan; expressions are evaluated with explicit stacks, so no input, however nested, can
/// overflow the thread's stack. Limits where no natural one exists, each stated in its error:
/// node nesting (<see cref="MaxNodeDepth"/>), <c>/include/</c> nesting and count, and the size of
/// one source file (<see cref="MaxSourceChars"/>).
/// </remarks>
public sealed partial class DtsParser
{
    /// <summary>dtc's limit on nested <c>/include/</c>s (<c>MAX_SRCFILE_DEPTH</c>).</summary>
    internal const int MaxIncludeDepth = 200;

    /// <summary>How many <c>/include/</c>s one parse may open, in all: a bound on work where files include each other twice over, level after level.</summary>
    internal const int MaxIncludes = 10_000;

    /// <summary>Linux's <c>FDT_MAX_DEPTH</c> (drivers/of/fdt.c): <c>unflatten_device_tree()</c> drops nodes with this many ancestors or more.</summary>
    internal const int MaxNodeDepth = 64;

    /// <summary>The largest source file read (64 Mi characters): a bound on memory for a file that never ends, such as a device.</summary>
    internal const int MaxSourceChars = 64 << 20;

    /// <summary>The files being read, the innermost on top, each with its full path (to compare for cycles).</summary>
    private readonly Stack<(DtsLexer Lexer, string File, string FullPath)> _lexers = new();
    private readonly IncludeReader _readInclude;
    private readonly List<PendingValue> _pending = [];
    private readonly DtNode _root;
    private DtsToken _token;
    private DtsToken? _peeked;
    private bool _inExpression;
    private int _includes;
    private int _bodies;

    /// <summary>The labels before the member being read (one list for the whole parse: they are attached before its body is read).</summary>
    private readonly List<(string Label, SourceLocation At)> _memberLabels = [];

    /// <summary>Finds and reads an <c>/include/</c>d file: (including file, name as written, where) → (its path, its text).</summary>
    private delegate (string Path, string Text) IncludeReader(string includer, string name, SourceLocation at);

    private DtsParser(string text, string file, IncludeReader readInclude)
    {
        _readInclude = readInclude;
        _lexers.Push((new DtsLexer(text, file), file, FullPath(file)));
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
            ? (includer, name, at) => DtsSourceFiles.ReadInclude(includer, name, [], at)
            : (includer, name, at) =>
            {
                try
                {
                    return (name, readInclude(includer, name));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
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
        return new DtsParser(text, file, (includer, name, at) => DtsSourceFiles.ReadInclude(includer, name, options.SearchDirectories, at)).ParseTree();
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
        var at = _token.Location;
        Expect(":");
        Advance();
        var node = IsPunct("/") ? _root : IsPunct("&") ? Resolve(ParseReferenceAfterAmpersand(requireAmpersand: false)) : throw Error("expected '/' or '&label' after a top-level label");
        AddLabel(node, label, at);
        ParseNodeBody(node);
    }

    /// <summary>
    /// After the node's name: <c>{ body } ;</c>. As in dtc, one body may name a property or a
    /// child once (<c>duplicate_property_names</c>, <c>duplicate_node_names</c>), properties come
    /// before children, and a second body for the same node (a later <c>/ { … }</c> or
    /// <c>&amp;label { … }</c>) merges into it, its properties replacing same-named ones. Each
    /// body has a number, stamped on what it defines, so that "twice in one body" needs no set.
    /// </summary>
    private void ParseNodeBody(DtNode node)
    {
        Expect("{");
        int body = ++_bodies;
        bool sawChild = false;
        while (true)
        {
            Advance();
            if (IsPunct("}")) break;
            if (_token.Kind == DtsTokenKind.End) throw Error($"expected '}}' to close node {node.Path}");
            if (IsDirective("/delete-property/"))
            {
                if (sawChild) throw PropertyAfterChild(node);
                node.DeleteProperty(ExpectWord("a property name after /delete-property/"));
                Expect(";");
                continue;
            }
            if (IsDirective("/delete-node/"))
            {
                sawChild = true;
                var name = ExpectWord("a node name after /delete-node/");
                if (node.Child(name) is { } child && child.Name == name) DeleteSubtree(child);
                Expect(";");
                continue;
            }
            if (ParseMember(node, body, sawChild)) sawChild = true;
        }
        Expect(";");
    }

    /// <summary>A property or a child node, with optional labels; true for a child.</summary>
    private bool ParseMember(DtNode node, int body, bool sawChild)
    {
        var labels = _memberLabels;
        labels.Clear();
        while (IsWordLike() && PeekIsPunct(":"))
        {
            labels.Add((_token.Text, _token.Location));
            Advance();
            Advance();
        }
        if (!IsWordLike()) throw Error("expected a property or node name");
        var name = _token.Text;
        var at = _token.Location;
        var next = Peek();
        if (next.Kind == DtsTokenKind.Punct && next.Is("{"))
        {
            if (node.Depth + 1 >= MaxNodeDepth)
                throw Error($"node '{name}' in {node.Path} is nested {node.Depth + 1} levels deep: at most {MaxNodeDepth - 1} levels below the root (Linux's FDT_MAX_DEPTH: unflatten_device_tree() drops deeper nodes)", at);
            var child = node.GetOrAddChild(name, at);
            if (child.DefinedInBody == body) throw Error($"node '{name}' is defined twice in one body of {node.Path} (dtc: duplicate_node_names)", at);
            child.DefinedInBody = body;
            foreach (var (label, labelAt) in labels) AddLabel(child, label, labelAt);
            ParseNodeBody(child);
            return true;
        }
        if (!(next.Kind == DtsTokenKind.Punct && (next.Is(";") || next.Is("="))))
            throw Error($"expected '{{', '=' or ';' after '{name}' but found '{Describe(next)}'", next.Location);
        if (sawChild) throw PropertyAfterChild(node, at);
        if (node.Property(name) is { } twin && twin.DefinedInBody == body)
            throw Error($"property '{name}' is set twice in one body of {node.Path} (dtc: duplicate_property_names)", at);
        foreach (var (label, labelAt) in labels) AddPropertyLabel(node, name, label, labelAt);
        var property = new DtProperty(name, [], at) { DefinedInBody = body };
        node.SetProperty(property);
        Advance();
        if (IsPunct("=")) ParsePropertyValue(node, property);
        return false;
    }

    private DtsSyntaxException PropertyAfterChild(DtNode node, SourceLocation? at = null) =>
        Error($"properties must precede subnodes in {node.Path} (dtc: \"Properties must precede subnodes\")", at);

    private void SkipMemreserve()
    {
        for (int i = 0; i < 2; i++)
        {
            if (Advance().Kind != DtsTokenKind.Number) throw Error("expected an address and a size after /memreserve/");
        }
        Expect(";");
    }

    private void DeleteNode(DtNode node)
    {
        Expect(";");
        if (node.Parent is null) throw Error("the root node cannot be deleted");
        DeleteSubtree(node);
    }
}
