using System.Buffers;
using System.Globalization;
using System.Text;

namespace DmaActors.DeviceTree;

/// <summary>
/// Splits DTS text into tokens, skipping comments and honouring the C preprocessor's line
/// markers (<c># 12 "board.dts"</c>) so every location points into the original file.
/// Words are lexed permissively (node names, property names and labels share a character set)
/// and told apart by the parser from context, as dtc does. Every malformed input ends in a
/// <see cref="DtsSyntaxException"/> at the place it starts; the lexer never reads past the text.
/// </summary>
internal sealed class DtsLexer
{
    /// <summary>Two-character operators, which exist only inside a parenthesised expression.</summary>
    private static readonly string[] Operators = ["<<", ">>", "<=", ">=", "==", "!=", "&&", "||"];

    /// <summary>Directives cpp would have run; seen here, cpp was not run on the file.</summary>
    private static readonly HashSet<string> CppDirectives = new(StringComparer.Ordinal)
    {
        "include", "include_next", "define", "undef", "if", "ifdef", "ifndef", "elif", "else", "endif", "error", "warning", "pragma", "import",
    };

    private readonly string _text;
    private readonly ArrayBufferWriter<byte> _literal = new();
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

    /// <summary>The file the text at the current position came from: the lexer's own, or the one cpp's last line marker named.</summary>
    public string CurrentFile => _file;

    /// <summary>The next token. <paramref name="expression"/>: inside a parenthesised C expression, where two-character operators exist and words are C identifiers.</summary>
    public DtsToken Next(bool expression)
    {
        SkipSpaceAndComments();
        var at = Here();
        if (_pos >= _text.Length) return DtsToken.End(at);
        char c = _text[_pos];
        if (c == '"') return new DtsToken(ReadQuoted('"', at, "string"), at);
        if (c == '\'') return ReadCharLiteral(at);
        if (c == '/' && DirectiveLength() is > 0 and var directive) return Take(DtsTokenKind.Directive, directive, at);
        if (char.IsAsciiDigit(c)) return ReadNumber(at, expression);
        if (expression ? char.IsAsciiLetter(c) || c == '_' : IsWordStart(c)) return Take(DtsTokenKind.Word, WordLength(expression), at);
        if (expression)
        {
            foreach (var op in Operators)
            {
                if (string.CompareOrdinal(_text, _pos, op, 0, 2) == 0) return Take(DtsTokenKind.Punct, 2, at);
            }
        }
        // One UTF-16 unit, or a whole surrogate pair, so an error quotes a whole character.
        return Take(DtsTokenKind.Punct, char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]) ? 2 : 1, at);
    }

    /// <summary>Whether <paramref name="line"/> (trimmed at the start) is a directive cpp runs: '#', then a directive's name on its own (<c>#if</c>, not <c>#interrupt-cells</c>).</summary>
    public static bool IsCppDirective(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line[0] != '#') return false;
        var rest = line[1..].TrimStart(" \t");
        int word = 0;
        while (word < rest.Length && char.IsAsciiLetter(rest[word])) word++;
        return word > 0 && (word == rest.Length || !IsWordChar(rest[word])) && CppDirectives.Contains(rest[..word].ToString());
    }

    /// <summary>Characters of node and property names and labels (dtc's set).</summary>
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is ',' or '.' or '_' or '+' or '*' or '#' or '?' or '@' or '-';

    /// <summary>What a name can start with: never a separator or an operator (',' '+' '-' '*').</summary>
    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c is '_' or '#' or '?' or '.';

    /// <summary>A directive is <c>/name/</c> with letters, digits and '-' (dtc's <c>/dts-v1/</c>, <c>/delete-node/</c>...); 0 when this '/' starts none.</summary>
    private int DirectiveLength()
    {
        int end = _pos + 1;
        if (end >= _text.Length || !char.IsAsciiLetter(_text[end])) return 0;
        while (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '-')) end++;
        return end < _text.Length && _text[end] == '/' ? end + 1 - _pos : 0;
    }

    /// <summary>Inside an expression only C identifiers are words, so '+' or '-' after a number is an operator.</summary>
    private int WordLength(bool expression)
    {
        int end = _pos;
        while (end < _text.Length && (expression ? char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_' : IsWordChar(_text[end]))) end++;
        return end - _pos;
    }

    private DtsToken Take(DtsTokenKind kind, int length, SourceLocation at)
    {
        var token = new DtsToken(kind, _text, _pos, length, at);
        _pos += length;
        return token;
    }

    /// <summary>
    /// A C integer (decimal, 0x hex, 0 octal, with U/L suffixes). Outside expressions a number
    /// run into name characters is a name (a node called <c>1wire</c> or <c>0@1</c>), and so is a
    /// number too big for 64 bits, which the parser then refuses where a number was expected.
    /// </summary>
    private DtsToken ReadNumber(SourceLocation at, bool expression)
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        var digits = _text.AsSpan(start, _pos - start).TrimEnd("UuLl");
        ulong value;
        bool ok = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : digits.Length > 1 && digits[0] == '0'
                ? TryOctal(digits, out value)
                : ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!expression && (!ok || (_pos < _text.Length && IsWordChar(_text[_pos]))))
        {
            while (_pos < _text.Length && IsWordChar(_text[_pos])) _pos++;
            return new DtsToken(DtsTokenKind.Word, _text, start, _pos - start, at);
        }
        if (!ok) throw new DtsSyntaxException(at, $"'{_text[start.._pos]}' is not a number (C integer syntax, at most 64 bits)");
        return new DtsToken(DtsTokenKind.Number, _text, start, _pos - start, at, value);
    }

    private static bool TryOctal(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        foreach (char d in digits)
        {
            if (d is < '0' or > '7' || value > (ulong.MaxValue >> 3)) return false;
            value = (value * 8) + (ulong)(d - '0');
        }
        return true;
    }

    /// <summary>A character literal is one byte after escapes, as in dtc: <c>'A'</c>, <c>'\n'</c>, <c>'\x41'</c>.</summary>
    private DtsToken ReadCharLiteral(SourceLocation at)
    {
        int start = _pos;
        var bytes = ReadQuoted('\'', at, "character literal");
        if (bytes.Length != 1)
            throw new DtsSyntaxException(at, bytes.Length == 0 ? "empty character literal" : $"a character literal is one byte; this one has {bytes.Length} (dtc: \"Character literal has N characters instead of 1\")");
        return new DtsToken(DtsTokenKind.CharLiteral, _text, start, _pos - start, at, bytes[0]);
    }

    /// <summary>
    /// After the opening <paramref name="quote"/>: the literal's bytes up to the closing one, on one
    /// line. Characters as written are UTF-8; an escape is the byte it names (dtc's escapes:
    /// <c>\a \b \t \n \v \f \r</c>, up to three octal digits, <c>\x</c> with one or two hex digits,
    /// and any other character for itself).
    /// </summary>
    private byte[] ReadQuoted(char quote, SourceLocation at, string what)
    {
        _literal.Clear();
        _pos++;
        while (true)
        {
            int run = _pos;
            while (_pos < _text.Length && _text[_pos] != quote && _text[_pos] != '\\' && _text[_pos] != '\n') _pos++;
            Append(_text.AsSpan(run, _pos - run));
            if (_pos >= _text.Length || _text[_pos] == '\n') throw new DtsSyntaxException(at, $"unterminated {what}: expected {quote} before the end of the {(_pos >= _text.Length ? "file" : "line")}");
            if (_text[_pos++] == quote) return _literal.WrittenSpan.ToArray();
            Escape(at, what);
        }
    }

    /// <summary>After a backslash: the escaped byte, written to the literal.</summary>
    private void Escape(SourceLocation at, string what)
    {
        if (_pos >= _text.Length || _text[_pos] == '\n') throw new DtsSyntaxException(at, $"unterminated {what}: a '\\' ends the {(_pos >= _text.Length ? "file" : "line")}");
        char e = _text[_pos++];
        int value;
        switch (e)
        {
            case 'a': value = 7; break;
            case 'b': value = 8; break;
            case 't': value = 9; break;
            case 'n': value = 10; break;
            case 'v': value = 11; break;
            case 'f': value = 12; break;
            case 'r': value = 13; break;
            case >= '0' and <= '7':
                value = e - '0';
                for (int i = 1; i < 3 && _pos < _text.Length && _text[_pos] is >= '0' and <= '7'; i++) value = (value * 8) + (_text[_pos++] - '0');
                break;
            case 'x':
                if (_pos >= _text.Length || !char.IsAsciiHexDigit(_text[_pos]))
                    throw new DtsSyntaxException(Here(), $"'\\x' in a {what} needs one or two hex digits after it (dtc: \"\\x used with no following hex digits\")");
                value = HexValue(_text[_pos++]);
                if (_pos < _text.Length && char.IsAsciiHexDigit(_text[_pos])) value = (value * 16) + HexValue(_text[_pos++]);
                break;
            case < (char)0x80:
                value = e;
                break;
            default:
                // Any other character stands for itself: written back as UTF-8 with the text after it.
                _pos--;
                return;
        }
        _literal.GetSpan(1)[0] = (byte)value;
        _literal.Advance(1);
    }

    private static int HexValue(char c) => char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;

    private void Append(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return;
        int count = Encoding.UTF8.GetByteCount(chars);
        Encoding.UTF8.GetBytes(chars, _literal.GetSpan(count));
        _literal.Advance(count);
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
            }
            else if (char.IsWhiteSpace(c)) _pos++;
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/') SkipTo("\n", keepEnd: true);
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*') SkipTo("*/", keepEnd: false);
            else if (c == '#' && _pos == _lineStart && SkipLineMarker()) continue;
            else return;
        }
    }

    /// <summary>
    /// At a '#' in column 1: a cpp line marker <c># N "file" flags</c> (or <c>#line N "file"</c>)
    /// renames the following line and is skipped (true); a directive cpp should have run is an
    /// error; anything else is text (a property such as <c>#address-cells</c> in column 1), left
    /// for the tokenizer (false).
    /// </summary>
    private bool SkipLineMarker()
    {
        int end = _text.IndexOf('\n', _pos);
        if (end < 0) end = _text.Length;
        var line = _text.AsSpan(_pos + 1, end - _pos - 1);
        int word = 0;
        while (word < line.Length && char.IsAsciiLetter(line[word])) word++;
        var directive = line[..word];
        if (directive.Length > 0 && (word == line.Length || !IsWordChar(line[word])))
        {
            if (directive.SequenceEqual("line")) line = line[word..];
            else if (CppDirectives.Contains(directive.ToString()))
                throw new DtsSyntaxException(Here(), $"'#{directive}' needs the C preprocessor (cpp), which was not run on this file; install cpp or use /include/");
            else return false;
        }
        var rest = line.TrimStart(" \t");
        int digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
        if (digits == 0 || rest.Length == line.Length && directive.Length == 0) return false;
        if (digits > 9 || !int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            throw new DtsSyntaxException(Here(), "malformed line marker: the line number is not a number below 1000000000");
        var file = rest[digits..].TrimStart(" \t");
        if (file.Length > 0 && file[0] == '"')
        {
            int close = 1;
            while (close < file.Length && file[close] != '"') close += file[close] == '\\' ? 2 : 1;
            if (close >= file.Length) throw new DtsSyntaxException(Here(), "malformed line marker: the file name has no closing '\"'");
            _file = Unescape(file[1..close]);
        }
        // The marker names the line after it.
        _lineOffset = number - (_line + 1);
        _pos = end;
        return true;
    }

    /// <summary>cpp writes '\' and '"' in a line marker's file name escaped.</summary>
    private static string Unescape(ReadOnlySpan<char> name)
    {
        var sb = new StringBuilder(name.Length);
        for (int i = 0; i < name.Length; i++) sb.Append(name[i] == '\\' && i + 1 < name.Length ? name[++i] : name[i]);
        return sb.ToString();
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

    /// <summary>The current position. cpp numbers from a marker <c># 0 "&lt;built-in&gt;"</c> on, and a corrupt marker can number anything: a line is never below 1 (line 0 means a blob).</summary>
    private SourceLocation Here() => new(_file, Math.Max(1, _line + _lineOffset), _pos - _lineStart + 1);
}
