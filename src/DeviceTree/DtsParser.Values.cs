using System.Buffers.Binary;
using System.Text;

namespace DmaActors.DeviceTree;

// Property values: comma-separated pieces, each a cell array, a string, a byte string or a path
// reference; cells may be numbers, character literals, C expressions in parentheses, or phandle
// references patched once every node is known.
public sealed partial class DtsParser
{
    /// <summary>After '=': the value pieces up to ';'.</summary>
    private List<object> ParsePropertyValue()
    {
        var parts = new List<object>();
        while (true)
        {
            Advance();
            if (IsPunct("<")) parts.Add(ParseCells(32));
            else if (IsDirective("/bits/")) parts.Add(ParseSizedCells());
            else if (_token.Kind == DtsTokenKind.String) parts.Add(Encoding.UTF8.GetBytes(_token.Text + "\0"));
            else if (IsPunct("[")) parts.Add(ParseByteString());
            else if (IsPunct("&")) parts.Add(ParseReferenceAfterAmpersand(requireAmpersand: false));
            else throw Error($"expected '<cells>', \"string\", '[bytes]' or '&reference' but found '{Describe(_token)}'");
            Advance();
            if (IsPunct(";")) return parts;
            if (!IsPunct(",")) throw Error($"expected ',' or ';' after a property value but found '{Describe(_token)}'");
        }
    }

    private byte[] ParseSizedCells()
    {
        Advance();
        int bits = _token.Kind == DtsTokenKind.Number ? (int)_token.Number : 0;
        if (bits is not (8 or 16 or 32 or 64)) throw Error("expected 8, 16, 32 or 64 after /bits/");
        Expect("<");
        return ParseCells(bits);
    }

    /// <summary>After '&lt;': cells up to '&gt;', each <paramref name="bits"/> wide.</summary>
    private byte[] ParseCells(int bits)
    {
        var cells = new List<(ulong Value, DtsReference? Reference)>();
        while (true)
        {
            Advance();
            if (IsPunct(">")) break;
            if (_token.Kind is DtsTokenKind.Number or DtsTokenKind.CharLiteral) cells.Add((_token.Number, null));
            else if (IsPunct("(")) cells.Add((ParseParenthesised(), null));
            else if (IsPunct("&"))
            {
                if (bits != 32) throw Error("a phandle reference needs 32-bit cells");
                cells.Add((0xFFFF_FFFF, ParseReferenceAfterAmpersand(requireAmpersand: false)));
            }
            else if (_token.Kind == DtsTokenKind.End) throw Error("expected '>' to close the cell list");
            else throw Error($"expected a number, '(expression)' or '&label' in a cell list but found '{Describe(_token)}'");
        }
        int width = bits / 8;
        var bytes = new byte[cells.Count * width];
        for (int i = 0; i < cells.Count; i++)
        {
            var span = bytes.AsSpan(i * width, width);
            ulong value = cells[i].Value;
            switch (bits)
            {
                case 8: span[0] = (byte)value; break;
                case 16: BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)value); break;
                case 32: BinaryPrimitives.WriteUInt32BigEndian(span, (uint)value); break;
                default: BinaryPrimitives.WriteUInt64BigEndian(span, value); break;
            }
            if (cells[i].Reference is { } reference) _fixups.Add(new PhandleFixup(bytes, i * width, reference));
        }
        return bytes;
    }

    private byte[] ParseByteString()
    {
        var hex = new StringBuilder();
        while (true)
        {
            Advance();
            if (IsPunct("]")) break;
            if (_token.Kind is not (DtsTokenKind.Number or DtsTokenKind.Word)) throw Error("expected hex bytes or ']' in a byte string");
            hex.Append(_token.Text);
        }
        if (hex.Length % 2 != 0) throw Error("a byte string needs two hex digits per byte");
        try
        {
            return Convert.FromHexString(hex.ToString());
        }
        catch (FormatException)
        {
            throw Error($"'{hex}' is not a string of hex bytes");
        }
    }

    /// <summary>At '&amp;' (or just before it): <c>&amp;label</c> or <c>&amp;{/path}</c>.</summary>
    private DtsReference ParseReferenceAfterAmpersand(bool requireAmpersand)
    {
        if (requireAmpersand)
        {
            Advance();
            if (!IsPunct("&")) throw Error("expected '&label' or '&{/path}'");
        }
        var at = _token.Location;
        Advance();
        if (IsWordLike()) return new DtsReference(_token.Text, IsPath: false, at);
        if (!IsPunct("{")) throw Error("expected a label or '{/path}' after '&'");
        var path = new StringBuilder();
        while (true)
        {
            Advance();
            if (IsPunct("}")) return new DtsReference(path.ToString(), IsPath: true, at);
            if (_token.Kind == DtsTokenKind.End) throw Error("expected '}' to close a path reference");
            path.Append(_token.Text);
        }
    }

    /// <summary>After '(': a C integer expression up to the matching ')'.</summary>
    private ulong ParseParenthesised()
    {
        bool outer = Lexer.ExpressionContext;
        Lexer.ExpressionContext = true;
        try
        {
            Advance();
            ulong value = ParseExpression(0);
            if (!IsPunct(")")) throw Error($"expected ')' but found '{Describe(_token)}'");
            return value;
        }
        finally
        {
            Lexer.ExpressionContext = outer;
        }
    }

    private static readonly string[][] Precedence =
    [
        ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"],
    ];

    /// <summary>Precedence climbing; the current token starts the operand, and is left on the token after it.</summary>
    private ulong ParseExpression(int level)
    {
        if (level == Precedence.Length) return ParseUnary();
        ulong left = ParseExpression(level + 1);
        while (_token.Kind == DtsTokenKind.Punct && Precedence[level].Contains(_token.Text))
        {
            var op = _token.Text;
            var at = _token.Location;
            Advance();
            ulong right = ParseExpression(level + 1);
            left = Apply(op, left, right, at);
        }
        return left;
    }

    private ulong ParseUnary()
    {
        if (_token.Kind == DtsTokenKind.Punct && _token.Text is "-" or "~" or "!")
        {
            var op = _token.Text;
            Advance();
            ulong operand = ParseUnary();
            return op switch { "-" => unchecked(0 - operand), "~" => ~operand, _ => operand == 0 ? 1UL : 0UL };
        }
        ulong value;
        if (_token.Kind is DtsTokenKind.Number or DtsTokenKind.CharLiteral) value = _token.Number;
        else if (IsPunct("(")) value = ParseParenthesised();
        else throw Error($"expected a number in an expression but found '{Describe(_token)}'");
        Advance();
        return value;
    }

    private static ulong Apply(string op, ulong a, ulong b, SourceLocation at) => op switch
    {
        "||" => (a != 0 || b != 0) ? 1UL : 0UL,
        "&&" => (a != 0 && b != 0) ? 1UL : 0UL,
        "|" => a | b,
        "^" => a ^ b,
        "&" => a & b,
        "==" => a == b ? 1UL : 0UL,
        "!=" => a != b ? 1UL : 0UL,
        "<" => a < b ? 1UL : 0UL,
        ">" => a > b ? 1UL : 0UL,
        "<=" => a <= b ? 1UL : 0UL,
        ">=" => a >= b ? 1UL : 0UL,
        "<<" => a << (int)b,
        ">>" => a >> (int)b,
        "+" => unchecked(a + b),
        "-" => unchecked(a - b),
        "*" => unchecked(a * b),
        _ when b == 0 => throw new DtsSyntaxException(at, $"division by zero in '{op}'"),
        "/" => a / b,
        _ => a % b,
    };
}
