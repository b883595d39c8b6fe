using System.Text;

namespace DmaActors.Architecture.Tests;

/// <summary>A line diff (longest common subsequence) for failure messages: removed lines as <c>- </c>, added as <c>+ </c>, each after the type header it belongs to.</summary>
internal static class LineDiff
{
    /// <summary>The changed lines of <paramref name="before"/> → <paramref name="after"/>, at most <paramref name="maxLines"/> of them.</summary>
    public static string Describe(string before, string after, int maxLines)
    {
        string[] a = before.Split('\n'), b = after.Split('\n');
        // lcs[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        }
        var text = new StringBuilder();
        int written = 0, x = 0, y = 0;
        string header = "", lastHeader = "";
        void Emit(string sign, string line)
        {
            if (written == maxLines) text.AppendLine("  … (more differences: compare the files)");
            if (written++ >= maxLines) return;
            if (header != lastHeader && !line.Equals(header, StringComparison.Ordinal))
            {
                text.Append("  ").AppendLine(header);
                lastHeader = header;
            }
            text.Append(sign).Append(' ').AppendLine(line);
        }
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                if (a[x].Length > 0 && a[x][0] != ' ') header = a[x];
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) Emit("+", b[y++]);
            else Emit("-", a[x++]);
        }
        return text.ToString();
    }
}
