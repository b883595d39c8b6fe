using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace DmaActors.Architecture.Tests;

/// <summary>
/// The examples are drivers written as a kernel driver is, against the façade only (issue 14,
/// item 9): no file under <c>examples/</c> imports the hardware model or the runtime.
/// </summary>
public sealed partial class ExampleUsingsTests
{
    [Fact]
    public void Examples_use_only_the_facade_and_mapping()
    {
        string examples = Path.Combine(RepositoryRoot(), "examples");
        var files = Directory.EnumerateFiles(examples, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        var offending = (from file in files
                         from line in File.ReadLines(file).Select((text, index) => (text, index))
                         where ForbiddenUsing().IsMatch(line.text) || QualifiedName().IsMatch(CodeOf(line.text))
                         select $"{Path.GetRelativePath(examples, file)}:{line.index + 1}: {line.text.Trim()}").ToList();

        Assert.True(offending.Count == 0, $"Examples use DmaActors.Api (and DmaActors.Mapping) only; these import or name the actors or the runtime:\n{string.Join("\n", offending)}");
    }

    [GeneratedRegex(@"^\s*(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?DmaActors\.(Actors|Runtime)\b")]
    private static partial Regex ForbiddenUsing();

    /// <summary>A type named in full (<c>DmaActors.Runtime.Time.Duration</c>) imports it as surely as a using.</summary>
    [GeneratedRegex(@"\bDmaActors\.(Actors|Runtime)\.")]
    private static partial Regex QualifiedName();

    /// <summary>The line without its <c>//</c> comment (doc comments may name any type).</summary>
    private static string CodeOf(string line)
    {
        int comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }

    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile) ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DmaActors.sln"))) return dir.FullName;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DmaActors.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("DmaActors.sln not found above the test's source or output directory.");
    }
}
