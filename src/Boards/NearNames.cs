namespace DmaActors.Boards;

/// <summary>Names close to one that matched nothing, for "did you mean" lists in error messages.</summary>
public static class NearNames
{
    /// <summary>
    /// Up to <paramref name="max"/> of <paramref name="known"/>, closest to <paramref name="wanted"/>
    /// first: names that contain it or that it contains, then by edit distance (case-insensitive).
    /// </summary>
    public static IReadOnlyList<string> Of(string wanted, IEnumerable<string> known, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(known);
        var w = wanted.ToUpperInvariant();
        return [.. known.Distinct(StringComparer.Ordinal)
            .Select(k => (Name: k, Upper: k.ToUpperInvariant()))
            .OrderBy(k => k.Upper.Contains(w, StringComparison.Ordinal) || w.Contains(k.Upper, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(k => Distance(w, k.Upper))
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(k => k.Name)];
    }

    /// <summary>"; near: a, b, c" or "; nothing is near" when the list is empty.</summary>
    public static string Describe(string wanted, IEnumerable<string> known, int max = 5)
    {
        var near = Of(wanted, known, max);
        return near.Count == 0 ? "; the board has none" : $"; near: {string.Join(", ", near)}";
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
