using System.Text.RegularExpressions;

namespace DmaActors.Packaging.Tests;

/// <summary>
/// The README's "Use it as a library" section, read as a user reads it: the package its
/// <c>dotnet add package</c> line names, the C# program, and the output it says the program prints.
/// </summary>
/// <param name="PackageId">The package of the first <c>dotnet add package</c> line.</param>
/// <param name="Program">The first <c>csharp</c> code block.</param>
/// <param name="ExpectedOutput">The first plain code block after the program.</param>
internal sealed partial record ReadmeLibrarySection(string PackageId, string Program, string ExpectedOutput)
{
    private const string Heading = "## Use it as a library";

    /// <summary>Reads the section from <paramref name="readme"/>'s text.</summary>
    public static ReadmeLibrarySection Parse(string readme)
    {
        var lines = readme.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimEnd() == Heading);
        if (start < 0) throw new InvalidDataException($"README.md has no '{Heading}' section.");
        int end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var section = lines[(start + 1)..(end < 0 ? lines.Length : end)];

        var blocks = CodeBlocks(section).ToList();
        var packageId = blocks.Where(b => b.Language.Length == 0)
            .SelectMany(b => b.Text.Split('\n'))
            .Select(l => AddPackage().Match(l))
            .FirstOrDefault(m => m.Success)?.Groups["id"].Value
            ?? throw new InvalidDataException($"README.md's '{Heading}' has no `dotnet add package` line in a code block.");
        int program = blocks.FindIndex(b => b.Language == "csharp");
        if (program < 0) throw new InvalidDataException($"README.md's '{Heading}' has no csharp code block.");
        int output = blocks.FindIndex(program + 1, b => b.Language.Length == 0);
        if (output < 0) throw new InvalidDataException($"README.md's '{Heading}' does not show the program's output in a code block after it.");
        return new ReadmeLibrarySection(packageId, blocks[program].Text, blocks[output].Text.Trim());
    }

    private static IEnumerable<(string Language, string Text)> CodeBlocks(string[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            string language = lines[i][3..].Trim();
            int close = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            if (close < 0) yield break;
            yield return (language, string.Join('\n', lines[(i + 1)..close]) + "\n");
            i = close;
        }
    }

    [GeneratedRegex(@"^\s*dotnet add package (?<id>[A-Za-z0-9_.\-]+)")]
    private static partial Regex AddPackage();
}
