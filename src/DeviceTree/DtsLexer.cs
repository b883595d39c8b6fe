using System.Globalization;
using System.Text;

namespace DmaActors.DeviceTree;

/// <summary>
/// Splits DTS text into tokens, skipping comments and honouring the C preprocessor's line
/// markers (<c># 12 "board.dts"</c>) so every location points into the original file.
/// Words are lexed permissively (node names, property names and labels share a character set)
/// and told apart by the parser from context, as dtc does.
/// </summary>
internal sealed class DtsLexer
{
    private readonly string _text;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private string _file;
    private int _lineOffset;

    public DtsLexer(string text, string file)
    {
        _text = text;
        _file = file;
    }

    public DtsToken Next()
    {
        SkipSpaceAndComments();
        var at = Here();
        if (_pos >= _text.Length) return new DtsToken(DtsTokenKind.End, "", at);
        char c = _text[_pos];
        if (c == '"') return new DtsToken(DtsTokenKind.String, ReadString(at), at);
        if (c == '\'') return ReadCharLiteral(at);
        if (c == '/' && _pos + 1 < _text.Length && char.IsLetter(_text[_pos + 1]))
        {
            int end = _text.IndexOf('/', _pos + 1);
            if (end > 0) return Take(DtsTokenKind.Directive, end + 1 - _pos, at);
        }
        if (char.IsAsciiDigit(c)) return ReadNumber(at);
        if (IsWordStart(c)) return Take(DtsTokenKind.Word, WordLength(), at);
        foreach (var op in new[] { "<<", ">>", "<=", ">=", "==", "!=", "&&", "||" })
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, 2) == 0 && ExpressionContext) return Take(DtsTokenKind.Punct, 2, at);
        }
        return Take(DtsTokenKind.Punct, 1, at);
    }

    /// <summary>The file the text at the current position came from: the lexer's own, or the one cpp's last line marker named.</summary>
    public string CurrentFile => _file;

    /// <summary>Set by the parser inside parenthesised expressions, where two-character operators exist.</summary>
    public bool ExpressionContext { get; set; }

    /// <summary>Characters of node and property names and labels (dtc's set).</summary>
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is ',' or '.' or '_' or '+' or '*' or '#' or '?' or '@' or '-';

    /// <summary>What a name can start with: never a separator or an operator (',' '+' '-' '*').</summary>
    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c is '_' or '#' or '?' or '.';

    /// <summary>Inside an expression only C identifiers are words, so '+' or '-' after a number is an operator.</summary>
    private int WordLength()
    {
        int end = _pos;
        while (end < _text.Length && (ExpressionContext ? char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_' : IsWordChar(_text[end]))) end++;
        return end - _pos;
    }

    private DtsToken Take(DtsTokenKind kind, int length, SourceLocation at)
    {
        var text = _text.Substring(_pos, length);
        _pos += length;
        return new DtsToken(kind, text, at);
    }

    private DtsToken ReadNumber(SourceLocation at)
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        var text = _text[start.._pos];
        var digits = text.TrimEnd('U', 'u', 'L', 'l');
        ulong value;
        bool ok = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : digits.Length > 1 && digits[0] == '0'
                ? TryOctal(digits, out value)
                : ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        // A word that starts with a digit (a node name like "1wire" or a unit address) stays a word.
        if (!ok) return new DtsToken(DtsTokenKind.Word, text + ReadRestOfWord(), at);
        return new DtsToken(DtsTokenKind.Number, text, at, value);
    }

    private string ReadRestOfWord()
    {
        int start = _pos;
        while (_pos < _text.Length && !ExpressionContext && IsWordChar(_text[_pos])) _pos++;
        return _text[start.._pos];
    }

    private static bool TryOctal(string digits, out ulong value)
    {
        value = 0;
        foreach (char d in digits)
        {
            if (d is < '0' or > '7') return false;
            value = (value * 8) + (ulong)(d - '0');
        }
        return true;
    }

    private string ReadString(SourceLocation at)
    {
        var sb = new StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n') throw new DtsSyntaxException(at, "unterminated string: expected '\"'");
            char c = _text[_pos++];
            if (c == '"') return sb.ToString();
            sb.Append(c == '\\' ? Escape() : c);
        }
    }

    private DtsToken ReadCharLiteral(SourceLocation at)
    {
        _pos++;
        char c = _text[_pos++];
        if (c == '\\') c = Escape();
        if (_pos >= _text.Length || _text[_pos] != '\'') throw new DtsSyntaxException(at, "unterminated character literal: expected '''");
        _pos++;
        return new DtsToken(DtsTokenKind.CharLiteral, c.ToString(), at, c);
    }

    private char Escape()
    {
        char e = _text[_pos++];
        switch (e)
        {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case '0': return '\0';
            case 'x':
                var hex = _text.Substring(_pos, Math.Min(2, _text.Length - _pos));
                _pos += hex.Length;
                return (char)Convert.ToInt32(hex, 16);
            default: return e;
        }
    }

    private void SkipSpaceAndComments()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
                if (_pos < _text.Length && _text[_pos] == '#') ReadLineMarker();
            }
            else if (char.IsWhiteSpace(c)) _pos++;
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/') SkipTo("\n", keepEnd: true);
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*') SkipTo("*/", keepEnd: false);
            else if (c == '#' && _pos == _lineStart) ReadLineMarker();
            else return;
        }
    }

    /// <summary>A cpp line marker <c># N "file" flags</c> renames the following line; any other '#' line is a directive cpp did not run on.</summary>
    private void ReadLineMarker()
    {
        int end = _text.IndexOf('\n', _pos);
        if (end < 0) end = _text.Length;
        var line = _text[_pos..end];
        var parts = line.TrimStart('#').Trim().Split(' ', 3);
        if (parts.Length >= 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int number) && parts[1].StartsWith('"'))
        {
            _file = parts[1].Trim('"');
            // The marker names the line after it.
            _lineOffset = number - (_line + 1);
            _pos = end;
            return;
        }
        if (line.StartsWith("#include", StringComparison.Ordinal) || line.StartsWith("#define", StringComparison.Ordinal) || line.StartsWith("#if", StringComparison.Ordinal))
            throw new DtsSyntaxException(Here(), $"'{line.Split(' ')[0]}' needs the C preprocessor (cpp), which was not run on this file; install cpp or use /include/");
        _pos = end;
    }

    private void SkipTo(string terminator, bool keepEnd)
    {
        var at = Here();
        int end = _text.IndexOf(terminator, _pos + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            if (keepEnd)
            {
                _pos = _text.Length;
                return;
            }
            throw new DtsSyntaxException(at, "unterminated comment: expected '*/'");
        }
        for (int i = _pos; i < end; i++)
        {
            if (_text[i] != '\n') continue;
            _line++;
            _lineStart = i + 1;
        }
        _pos = keepEnd ? end : end + terminator.Length;
    }

    private SourceLocation Here() => new(_file, _line + _lineOffset, _pos - _lineStart + 1);
}
