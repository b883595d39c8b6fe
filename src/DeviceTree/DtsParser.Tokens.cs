namespace DmaActors.DeviceTree;

// Token plumbing: a stack of lexers (one per /include/d file), one token of look-ahead.
public sealed partial class DtsParser
{
    private DtsLexer Lexer => _lexers.Peek().Lexer;

    private DtsToken Advance()
    {
        if (_peeked is { } peeked)
        {
            _peeked = null;
            _token = peeked;
        }
        else
        {
            _token = NextFromLexers();
        }
        return _token;
    }

    private DtsToken Peek() => _peeked ??= NextFromLexers();

    /// <summary>The next token across includes: an <c>/include/ "file"</c> is replaced by that file's tokens.</summary>
    private DtsToken NextFromLexers()
    {
        while (true)
        {
            var token = Lexer.Next(_inExpression);
            if (token.Kind == DtsTokenKind.Directive && token.Is("/include/"))
            {
                var name = Lexer.Next(expression: false);
                if (name.Kind != DtsTokenKind.String) throw Error("expected a quoted file name after /include/", name.Location);
                if (++_includes > MaxIncludes)
                    throw Error($"more than {MaxIncludes} /include/s in one parse (a bound on work: files that include each other several times over multiply)", name.Location);
                // The including file is the one the text came from: after cpp, the file its last line marker named.
                var (path, text) = _readInclude(Lexer.CurrentFile, name.Text, name.Location);
                var fullPath = FullPath(path);
                EnsureNoCycle(path, fullPath, name.Location);
                _lexers.Push((new DtsLexer(text, path), path, fullPath));
                continue;
            }
            if (token.Kind == DtsTokenKind.End && _lexers.Count > 1)
            {
                _lexers.Pop();
                continue;
            }
            return token;
        }
    }

    /// <summary>An <c>/include/</c> of a file already being read is a cycle; past dtc's depth limit is runaway nesting. Both name the chain of files.</summary>
    private void EnsureNoCycle(string path, string fullPath, SourceLocation at)
    {
        var open = _lexers.Reverse().ToList();
        int seen = open.FindIndex(l => string.Equals(l.FullPath, fullPath, StringComparison.Ordinal));
        var chain = open.Select(l => l.File).ToList();
        if (seen >= 0)
            throw new DtsSyntaxException(at, $"/include/ cycle: {string.Join(" → ", chain.Skip(seen).Append(path).Select(Path.GetFileName))} (the chain from the top: {string.Join(" → ", chain.Append(path))})");
        if (_lexers.Count >= MaxIncludeDepth)
            throw new DtsSyntaxException(at, $"/include/s nested deeper than {MaxIncludeDepth} files (dtc's limit): {string.Join(" → ", chain.Take(3))} → … → {string.Join(" → ", chain.TakeLast(3).Append(path))}");
    }

    /// <summary>A file's full path, to tell whether two names are one file; the name itself when it is no path.</summary>
    private static string FullPath(string file)
    {
        try
        {
            return Path.GetFullPath(file);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return file;
        }
    }

    private bool IsPunct(string text) => _token.Kind == DtsTokenKind.Punct && _token.Is(text);

    private bool PeekIsPunct(string text) => Peek() is { Kind: DtsTokenKind.Punct } next && next.Is(text);

    private bool IsDirective(string text) => _token.Kind == DtsTokenKind.Directive && _token.Is(text);

    /// <summary>Names may start with a digit (unit-address-like node names), which the lexer may have read as a number.</summary>
    private bool IsWordLike() => _token.Kind is DtsTokenKind.Word or DtsTokenKind.Number;

    private void Expect(string punct)
    {
        if (!PeekIsPunct(punct)) throw Error($"expected '{punct}' but found '{Describe(Peek())}'", Peek().Location);
        Advance();
    }

    private string ExpectWord(string what)
    {
        Advance();
        return IsWordLike() ? _token.Text : throw Error($"expected {what} but found '{Describe(_token)}'");
    }

    /// <summary>A token as an error quotes it: at most 40 characters of it.</summary>
    private static string Describe(DtsToken token) => token.Kind switch
    {
        DtsTokenKind.End => "end of file",
        DtsTokenKind.String => "a string",
        _ => token.Text is { Length: > 40 } long_ ? long_[..40] + "…" : token.Text,
    };

    private DtsSyntaxException Error(string message, SourceLocation? at = null) => new(at ?? _token.Location, message);
}
