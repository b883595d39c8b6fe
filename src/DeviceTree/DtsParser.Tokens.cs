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
            var token = Lexer.Next();
            if (token.Kind == DtsTokenKind.Directive && token.Text == "/include/")
            {
                var name = Lexer.Next();
                if (name.Kind != DtsTokenKind.String) throw Error("expected a quoted file name after /include/", name.Location);
                string text;
                try
                {
                    text = _readInclude(_lexers.Peek().File, name.Text);
                }
                catch (IOException e)
                {
                    throw Error($"cannot read included file '{name.Text}': {e.Message}", name.Location);
                }
                _lexers.Push((new DtsLexer(text, name.Text), name.Text));
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

    private bool IsPunct(string text) => _token.Kind == DtsTokenKind.Punct && _token.Text == text;

    private bool PeekIsPunct(string text) => Peek() is { Kind: DtsTokenKind.Punct } next && next.Text == text;

    private bool IsDirective(string text) => _token.Kind == DtsTokenKind.Directive && _token.Text == text;

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

    private static string Describe(DtsToken token) => token.Kind == DtsTokenKind.End ? "end of file" : token.Text;

    private DtsSyntaxException Error(string message, SourceLocation? at = null) => new(at ?? _token.Location, message);
}
