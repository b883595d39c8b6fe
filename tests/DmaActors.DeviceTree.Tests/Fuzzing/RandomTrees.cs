using System.Globalization;
using System.Text;
using CsCheck;

namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>
/// Random valid device-tree sources, for the round trips through dtc: up to 4 levels of up to 4
/// children, names in dtc's characters, properties before children (empty, cells with
/// expressions, sized cells, strings with escapes, byte strings, several pieces, phandle and path
/// references to labelled nodes). Names that dtc rewrites (<c>name</c>) or checks against
/// bindings (<c>reg</c>, <c>#address-cells</c>...) are left out: the round trip is about the
/// syntax, and dtc's warnings about bindings do not change a tree.
/// </summary>
internal static class RandomTrees
{
    private const string NodeChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._+-";
    private const string PropertyChars = NodeChars + "*#?";

    /// <summary>A random tree's source.</summary>
    public static Gen<string> Source { get; } = Gen.Int.Select(Gen.Int[0, 24], (seed, labels) => Write(new Random(seed), labels));

    /// <summary>A node of the tree being made: its name, label, and children.</summary>
    private sealed record Node(string Name, string? Label, List<Node> Children);

    private static string Write(Random random, int labelCount)
    {
        // The shape first, labels placed; then the text, whose references name placed labels only.
        int nextLabel = 0;
        var root = Shape(random, "", null, 1, labelCount, ref nextLabel);
        var labels = Enumerable.Range(0, nextLabel).Select(i => $"l{i}").ToList();
        var text = new StringBuilder("/dts-v1/;\n\n/ {\n");
        WriteBody(random, text, root, 1, labels);
        return text.Append("};\n").ToString();
    }

    private static Node Shape(Random random, string name, string? label, int depth, int labelCount, ref int nextLabel)
    {
        var node = new Node(name, label, []);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int c = depth < 5 ? random.Next(0, 5) : 0; c > 0; c--)
        {
            var child = Name(random, NodeChars, 1, 10);
            if (random.Next(3) == 0) child += "@" + random.Next(0, 0x10000).ToString("x", CultureInfo.InvariantCulture);
            if (!names.Add(child)) continue;
            string? childLabel = nextLabel < labelCount && random.Next(2) == 0 ? $"l{nextLabel++}" : null;
            node.Children.Add(Shape(random, child, childLabel, depth + 1, labelCount, ref nextLabel));
        }
        return node;
    }

    private static void WriteBody(Random random, StringBuilder text, Node node, int depth, List<string> labels)
    {
        var indent = new string('\t', depth);
        var propertyNames = new HashSet<string>(StringComparer.Ordinal);
        for (int p = random.Next(0, 5); p > 0; p--)
        {
            var name = Name(random, PropertyChars, 1, 12);
            if (name is "name" or "phandle" or "reg" or "ranges" || name.StartsWith("linux,", StringComparison.Ordinal) || !propertyNames.Add(name)) continue;
            text.Append(indent).Append(name);
            if (random.Next(5) > 0) text.Append(" = ").Append(Value(random, labels));
            text.Append(";\n");
        }
        foreach (var child in node.Children)
        {
            text.Append(indent);
            if (child.Label is { } label) text.Append(label).Append(": ");
            text.Append(child.Name).Append(" {\n");
            WriteBody(random, text, child, depth + 1, labels);
            text.Append(indent).Append("};\n");
        }
    }

    private static string Value(Random random, List<string> labels)
    {
        var pieces = new List<string>();
        for (int n = random.Next(1, 4); n > 0; n--)
        {
            pieces.Add(random.Next(7) switch
            {
                0 or 1 => "<" + string.Join(' ', Enumerable.Range(0, random.Next(0, 6)).Select(_ => Cell(random, labels))) + ">",
                2 => $"/bits/ {new[] { 8, 16, 64 }[random.Next(3)]} <{string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(0, 128).ToString(CultureInfo.InvariantCulture)))}>",
                3 or 4 => Quoted(random),
                5 => "[" + string.Join(' ', Enumerable.Range(0, random.Next(0, 8)).Select(_ => random.Next(256).ToString("x2", CultureInfo.InvariantCulture))) + "]",
                _ => labels.Count > 0 ? "&" + labels[random.Next(labels.Count)] : "&{/}",
            });
        }
        return string.Join(", ", pieces);
    }

    private static string Cell(Random random, List<string> labels) => random.Next(6) switch
    {
        0 => "0x" + ((uint)random.NextInt64(0, 1L << 32)).ToString("x", CultureInfo.InvariantCulture),
        1 => random.Next(0, 1000).ToString(CultureInfo.InvariantCulture),
        2 => $"({random.Next(100)} {new[] { "+", "-", "*", "<<", "|", "&", "^" }[random.Next(7)]} {random.Next(1, 20)})",
        3 => $"(~{random.Next(100)} & 0xff)",
        4 => "'" + (char)random.Next('a', 'z' + 1) + "'",
        _ => labels.Count > 0 ? "&" + labels[random.Next(labels.Count)] : "0",
    };

    private static string Quoted(Random random)
    {
        var text = new StringBuilder("\"");
        for (int n = random.Next(0, 12); n > 0; n--)
        {
            text.Append(random.Next(10) switch
            {
                0 => "\\n",
                1 => "\\t",
                2 => "\\\\",
                3 => "\\\"",
                4 => "\\x" + random.Next(1, 256).ToString("x2", CultureInfo.InvariantCulture),
                _ => ((char)random.Next(' ', '~' + 1)) is var c && c is '"' or '\\' ? "x" : c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }

    private static string Name(Random random, string chars, int min, int max)
    {
        var name = new StringBuilder();
        name.Append((char)random.Next('a', 'z' + 1));
        for (int n = random.Next(min, max); n > 1; n--) name.Append(chars[random.Next(chars.Length)]);
        return name.ToString();
    }
}
