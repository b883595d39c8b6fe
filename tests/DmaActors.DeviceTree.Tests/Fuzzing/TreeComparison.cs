namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>Two trees are the same tree: the same nodes at the same paths, in order, with the same properties, in order, with the same bytes. Labels are not compared (a blob has none).</summary>
internal static class TreeComparison
{
    /// <summary>Null when the trees are the same; else the first difference. Properties whose expected value <paramref name="ignore"/> picks are not compared.</summary>
    public static string? Difference(DtTree expected, DtTree actual, Func<byte[], bool>? ignore = null)
    {
        using var left = expected.Nodes.GetEnumerator();
        using var right = actual.Nodes.GetEnumerator();
        while (true)
        {
            bool more = left.MoveNext();
            if (more != right.MoveNext()) return more ? $"{left.Current.Path} is missing" : $"{right.Current.Path} is extra";
            if (!more) return null;
            var (a, b) = (left.Current, right.Current);
            if (a.Path != b.Path) return $"node {b.Path} where {a.Path} was expected";
            var ignored = a.Properties.Where(p => ignore?.Invoke(p.Value) == true).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var pa = a.Properties.Select(p => ignored.Contains(p.Name) ? p.Name : $"{p.Name}={Convert.ToHexString(p.Value)}").ToList();
            var pb = b.Properties.Select(p => ignored.Contains(p.Name) ? p.Name : $"{p.Name}={Convert.ToHexString(p.Value)}").ToList();
            if (!pa.SequenceEqual(pb)) return $"{a.Path}: properties [{string.Join(", ", pa)}] became [{string.Join(", ", pb)}]";
        }
    }
}
