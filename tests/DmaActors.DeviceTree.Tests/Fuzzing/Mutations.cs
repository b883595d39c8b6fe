using System.Buffers.Binary;
using System.Text;
using CsCheck;

namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>
/// CsCheck generators of fuzzed input: mutations of the corpus' sources and blobs, and random
/// token streams. A mutation is data (what, where as a fraction of the input, how long, which
/// token), applied in order, so CsCheck can shrink a failing input to fewer and smaller edits.
/// </summary>
internal static class Mutations
{
    /// <summary>Pieces of DTS that, dropped anywhere, reach the parser's corners.</summary>
    public static readonly string[] Tokens =
    [
        "{", "}", ";", "<", ">", "(", ")", "[", "]", "&", "=", ",", ":", "/", "\"", "'", "\\", "\n", " ", "#",
        "/dts-v1/;", "/plugin/;", "/include/ \"tour.dts\"", "/include/ \"\"", "/include/ \"missing.dtsi\"", "/include/ \"snippet0.dts\"",
        "/delete-node/ ", "/delete-property/ ", "/memreserve/ 0 1;", "/bits/ 8 ", "/bits/ 64 ", "/bits/ 7 ", "/unknown/",
        "0x", "0xffffffff", "0x100000000", "0x1ffffffffffffffff", "-1", "(-1)", "~", "?", "!", "<<", ">>", "&&", "||", "/ 0", "% 0",
        "'a'", "'\\x41'", "'\\'", "''", "\"\\x\"", "\"\\xZZ\"", "\"\\0\"", "\"\\777\"", "\"é\"", "\\x", "\\",
        "a:", "a: a:", "&a", "&{/", "&{/}", "&{/nowhere}", "label:", "&label",
        "n {", "n { };", "}; };", "x = <1>;", "x;", "phandle = <1>;", "phandle = <0>;", "linux,phandle = <2>;",
        "#address-cells = <0>;", "#address-cells = <5>;", "#size-cells = <1 2>;", "reg = <0 0>;", "reg = <0x80000000>;",
        "/*", "*/", "//", "# 1 \"x.dtsi\"\n", "#include \"x.h\"\n", "#line 5 \"y\"\n", "#if 0\n", "# 99999999999 \"x\"\n",
        "\0", "\r\n", "\t", "\u00ff", "\ud800", "\uffff",
    ];

    // Declared before the generators that use them: static initialisers run in order.

    /// <summary>A place in the input, as a fraction, uniform (CsCheck's doubles lean to 0, which put most edits at the start).</summary>
    private static Gen<double> Where { get; } = Gen.Int[0, 999_999].Select(n => n / 1e6);

    private static Gen<(int Kind, double Where, int Length, int Token, char Char)> Edit { get; } =
        Gen.Select(Gen.Int[0, 6], Where, Gen.Int[0, 64], Gen.Int[0, Tokens.Length - 1], Gen.Char);

    private static Gen<(int Kind, double Where, uint Value, int Length)> ByteEdit { get; } =
        Gen.Select(
            // Words set anywhere, most often; header fields, byte flips, cuts, copies and deletions less.
            Gen.Frequency((2, Gen.Int[0, 0]), (2, Gen.Int[1, 1]), (6, Gen.Int[2, 2]), (1, Gen.Int[3, 3]), (1, Gen.Int[4, 5])),
            // Past the header, mostly: that is where the structure is.
            Gen.Frequency((1, Where), (3, Where.Select(w => 0.03 + (0.97 * w)))),
            Gen.OneOf(Gen.OneOf(0u, 1u, 2u, 3u, 4u, 9u, 8u, 0x7FFF_FFFFu, 0x8000_0000u, 0xFFFF_FFFFu, 0xFFFF_FFFCu, 0xd00dfeedu), Gen.UInt),
            Gen.Int[1, 64]);

    /// <summary>A corpus source with 1 to 4 mutations (few enough that many still parse, and the checks after parsing are reached).</summary>
    public static Gen<string> MutatedSource { get; } =
        Gen.Select(
            // The sources that parse, three times in four: an edit to a file that stops at its first #include reaches little.
            Gen.Frequency((3, Gen.Int[0, Corpus.Parseable.Count - 1].Select(i => Corpus.Parseable[i])), (1, Gen.Int[0, Corpus.Sources.Count - 1].Select(i => Corpus.Sources[i].Text))),
            Edit.Array[1, 4],
            Apply);

    /// <summary>0 to 300 tokens, random words and numbers among them, joined by random space.</summary>
    public static Gen<string> TokenStream { get; } =
        Gen.OneOf(
                Gen.Int[0, Tokens.Length - 1].Select(i => Tokens[i]),
                Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCXYZ0123456789,._+*#?@-"], 1, 12],
                Gen.ULong.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Gen.Char.Select(c => c.ToString()))
            .Array[0, 300]
            .Select(Gen.Int[0, 2].Array[300], Gen.Int[0, 9], (tokens, spaces, start) =>
                // Mostly inside a root node, where most of the grammar is; sometimes bare.
                (start < 8 ? "/dts-v1/;\n/ {\n" : "") + string.Concat(tokens.Select((t, i) => t + spaces[i] switch { 0 => "", 1 => " ", _ => "\n" })));

    /// <summary>
    /// A blob our writer made of a corpus tree (or of a random tree), with 1 to 6 mutations of its
    /// bytes; half of them get their totalsize set to their new length, so that a cut or a copy
    /// reaches the structure block instead of stopping at the header's check.
    /// </summary>
    public static Gen<byte[]> MutatedBlob { get; } =
        Gen.Select(Gen.Int[0, Corpus.Trees.Count - 1], ByteEdit.Array[1, 6], Gen.Bool, (tree, edits, fixSize) => Apply(DtbWriter.Write(Corpus.Trees[tree].Tree), edits, fixSize));

    /// <summary>Applies text edits: delete, insert a token, replace a character, duplicate, repeat a piece 1-200 times, truncate, swap.</summary>
    private static string Apply(string text, (int Kind, double Where, int Length, int Token, char Char)[] edits)
    {
        var s = new StringBuilder(text);
        foreach (var (kind, where, length, token, c) in edits)
        {
            int at = (int)(where * s.Length);
            int len = Math.Min(length, s.Length - at);
            switch (kind)
            {
                case 0: s.Remove(at, len); break;
                case 1: s.Insert(at, Tokens[token]); break;
                case 2: if (at < s.Length) s[at] = c; else s.Append(c); break;
                case 3: s.Insert(at, s.ToString(at, len)); break;
                case 4: s.Insert(at, string.Concat(Enumerable.Repeat(Tokens[token], 1 + (length * 3)))); break;
                case 5: s.Length = at; break;
                default:
                    int other = (int)((1 - where) * s.Length);
                    int otherLen = Math.Min(length, s.Length - other);
                    if (other >= at + len)
                    {
                        var first = s.ToString(at, len);
                        var second = s.ToString(other, otherLen);
                        s.Remove(other, otherLen).Insert(other, first).Remove(at, len).Insert(at, second);
                    }
                    break;
            }
        }
        return s.ToString();
    }

    /// <summary>Applies byte edits: flip a byte, set an aligned word (a header field, a token, a length, an offset), truncate, duplicate, delete, insert zeros.</summary>
    private static byte[] Apply(byte[] blob, (int Kind, double Where, uint Value, int Length)[] edits, bool fixSize)
    {
        var b = new List<byte>(blob);
        foreach (var (kind, where, value, length) in edits)
        {
            int at = Math.Min((int)(where * b.Count), Math.Max(0, b.Count - 1));
            int len = Math.Min(length, b.Count - at);
            switch (kind)
            {
                case 0: if (b.Count > 0) b[at] ^= (byte)value; break;
                case 1 or 2:
                    // Kind 1: a header field after the magic; kind 2: a word anywhere (the structure's tokens, lengths and offsets sit at 4-byte boundaries).
                    int word = kind == 1 ? 4 * (1 + (int)(where * 9)) : at & ~3;
                    if (word + 4 <= b.Count)
                    {
                        var bytes = new byte[4];
                        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
                        for (int i = 0; i < 4; i++) b[word + i] = bytes[i];
                    }
                    break;
                case 3: b.RemoveRange(at, b.Count - at); break;
                case 4: b.InsertRange(at, b.GetRange(at, len)); break;
                default: b.RemoveRange(at, len); break;
            }
        }
        var mutated = b.ToArray();
        if (fixSize && mutated.Length >= 8) BinaryPrimitives.WriteUInt32BigEndian(mutated.AsSpan(4), (uint)mutated.Length);
        return mutated;
    }
}
