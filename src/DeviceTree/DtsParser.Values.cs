using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace DmaActors.DeviceTree;

// Property values: comma-separated pieces, each a cell array, a string, a byte string or a path
// reference; cells may be numbers, character literals, C expressions in parentheses, or phandle
// references patched once every node is known.
public sealed partial class DtsParser
{
    /// <summary>Cells as they are read: written straight to bytes (4 a cell, not a boxed list entry), one buffer for the whole parse.</summary>
    private readonly ArrayBufferWriter<byte> _cells = new();

    /// <summary>The phandle references in the cell list being read, by byte offset (one list for the whole parse).</summary>
    private readonly List<(int Offset, DtsReference Reference)> _references = [];

    /// <summary>The pieces of the value being read (one list for the whole parse: values do not nest).</summary>
    private readonly List<object> _parts = [];

    /// <summary>
    /// After '=': the value pieces up to ';'. A value without references is set at once; one
    /// with a phandle or path reference waits, as a <see cref="PendingValue"/>, until every node is known.
    /// </summary>
    private void ParsePropertyValue(DtNode node, DtProperty property)
    {
        _parts.Clear();
        List<PhandleFixup>? fixups = null;
        bool paths = false;
        while (true)
        {
            Advance();
            if (IsPunct("<")) _parts.Add(ParseCells(32, ref fixups));
            else if (IsDirective("/bits/")) _parts.Add(ParseSizedCells(ref fixups));
            else if (_token.Kind == DtsTokenKind.String) _parts.Add(NulTerminated(_token.Bytes));
            else if (IsPunct("[")) _parts.Add(ParseByteString());
            else if (IsPunct("&"))
            {
                _parts.Add(ParseReferenceAfterAmpersand(requireAmpersand: false));
                paths = true;
            }
            else throw Error($"expected '<cells>', \"string\", '[bytes]' or '&reference' but found '{Describe(_token)}'");
            Advance();
            if (IsPunct(";")) break;
            if (!IsPunct(",")) throw Error($"expected ',' or ';' after a property value but found '{Describe(_token)}'");
        }
        if (fixups is null && !paths) property.Value = Join(_parts);
        else _pending.Add(new PendingValue(node, property, [.. _parts], fixups ?? []));
    }

    private static byte[] NulTerminated(byte[] bytes)
    {
        var value = new byte[bytes.Length + 1];
        bytes.CopyTo(value, 0);
        return value;
    }

    private byte[] ParseSizedCells(ref List<PhandleFixup>? fixups)
    {
        Advance();
        int bits = _token.Kind == DtsTokenKind.Number && _token.Number is 8 or 16 or 32 or 64 ? (int)_token.Number : 0;
        if (bits == 0) throw Error("expected 8, 16, 32 or 64 after /bits/");
        Expect("<");
        return ParseCells(bits, ref fixups);
    }

    /// <summary>After '&lt;': cells up to '&gt;', each <paramref name="bits"/> wide; a value that does not fit is refused as dtc refuses it (a negative one that fits sign-extended is allowed).</summary>
    private byte[] ParseCells(int bits, ref List<PhandleFixup>? fixups)
    {
        _cells.Clear();
        int width = bits / 8;
        ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        var references = _references;
        references.Clear();
        while (true)
        {
            Advance();
            if (IsPunct(">")) break;
            var at = _token.Location;
            ulong value;
            if (_token.Kind is DtsTokenKind.Number or DtsTokenKind.CharLiteral) value = _token.Number;
            else if (IsPunct("(")) value = ParseParenthesised();
            else if (IsPunct("&"))
            {
                if (bits != 32) throw Error("a phandle reference needs 32-bit cells");
                references.Add((_cells.WrittenCount, ParseReferenceAfterAmpersand(requireAmpersand: false)));
                value = 0xFFFF_FFFF;
            }
            else if (_token.Kind == DtsTokenKind.End) throw Error("expected '>' to close the cell list");
            else if (_token.Kind == DtsTokenKind.Word && char.IsAsciiDigit(_token.Text[0])) throw Error($"'{Describe(_token)}' is not a number (C integer syntax, at most 64 bits)");
            else throw Error($"expected a number, '(expression)' or '&label' in a cell list but found '{Describe(_token)}'");
            if (value > mask && value < ~mask) throw Error($"value 0x{value:x} does not fit a {bits}-bit cell (dtc: \"Value out of range for {bits}-bit array element\")", at);
            var span = _cells.GetSpan(width)[..width];
            switch (bits)
            {
                case 8: span[0] = (byte)value; break;
                case 16: BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)value); break;
                case 32: BinaryPrimitives.WriteUInt32BigEndian(span, (uint)value); break;
                default: BinaryPrimitives.WriteUInt64BigEndian(span, value); break;
            }
            _cells.Advance(width);
        }
        var bytes = _cells.WrittenSpan.ToArray();
        foreach (var (offset, reference) in references) (fixups ??= new(references.Count)).Add(new PhandleFixup(bytes, offset, reference));
        return bytes;
    }

    private byte[] ParseByteString()
    {
        var hex = new StringBuilder();
        var at = _token.Location;
        while (true)
        {
            Advance();
            if (IsPunct("]")) break;
            if (_token.Kind is not (DtsTokenKind.Number or DtsTokenKind.Word)) throw Error($"expected hex bytes or ']' in a byte string but found '{Describe(_token)}'");
            hex.Append(_token.Text);
        }
        if (hex.Length % 2 != 0) throw Error("a byte string needs two hex digits per byte", at);
        for (int i = 0; i < hex.Length; i++)
        {
            if (!char.IsAsciiHexDigit(hex[i])) throw Error($"'{hex[i]}' in a byte string is not a hex digit", at);
        }
        return Convert.FromHexString(hex.ToString());
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
        // A label is a C identifier, as in dtc: '&l0,' is the label l0 and a comma. The lexer's
        // expression mode reads exactly that.
        bool outer = _inExpression;
        _inExpression = true;
        try
        {
            Advance();
        }
        finally
        {
            _inExpression = outer;
        }
        if (_token.Kind == DtsTokenKind.Word) return new DtsReference(_token.Text, IsPath: false, at);
        if (!IsPunct("{")) throw Error($"expected a label or '{{/path}}' after '&' but found '{Describe(_token)}'");
        var path = new StringBuilder();
        while (true)
        {
            Advance();
            if (IsPunct("}")) return new DtsReference(path.ToString(), IsPath: true, at);
            if (_token.Kind == DtsTokenKind.End) throw Error("expected '}' to close a path reference");
            path.Append(_token.Text);
        }
    }
}
