using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using PublicApiGenerator;

namespace DmaActors.Architecture.Tests;

/// <summary>
/// The public API of every library assembly, as PublicApiGenerator writes it, compared with
/// <c>PublicApi/DmaActors.Name.approved.txt</c>: every change to what a package's users program
/// against shows up as a diff in review (CONVENTIONS.md, "Build").
/// </summary>
/// <remarks>
/// On a mismatch the test writes <c>DmaActors.Name.received.txt</c> beside the approved file and
/// fails with the diff. If the change is intended, copy the received file over the approved one.
/// </remarks>
public sealed class PublicApiTests
{
    public static TheoryData<string> Layers() => [.. Layer.All.Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Public_api_matches_the_approved_file(string name)
    {
        var layer = Layer.All.Single(l => l.Name == name);
        string received = Normalize(layer.Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));
        string directory = Path.Combine(SourceDirectory(), "PublicApi");
        string approvedPath = Path.Combine(directory, $"{layer.AssemblyName}.approved.txt");
        string receivedPath = Path.Combine(directory, $"{layer.AssemblyName}.received.txt");
        string approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : "";

        if (approved == received)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, received);
        var message = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"The public API of {layer.AssemblyName} differs from {approvedPath}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Received surface written to {receivedPath}; if the change is intended, copy it over the approved file.")
            .AppendLine("Diff (- approved, + received):")
            .Append(LineDiff.Describe(approved, received, maxLines: 60));
        Assert.Fail(message.ToString());
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    /// <summary>
    /// This file's directory. A build with path mapping (/_/…) hides it; then the test project
    /// folder is found by walking up from the output directory.
    /// </summary>
    private static string SourceDirectory([CallerFilePath] string sourceFile = "")
    {
        string? fromSource = Path.GetDirectoryName(sourceFile);
        if (fromSource is not null && Directory.Exists(fromSource)) return fromSource;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DmaActors.Architecture.Tests.csproj"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"Cannot find the test project's folder (source path '{sourceFile}', output '{AppContext.BaseDirectory}').");
    }
}
