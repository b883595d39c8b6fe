using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace DmaActors.Api.Tests;

/// <summary>
/// The public API of DmaActors.Api, dumped by reflection and compared with
/// <c>PublicApi.approved.txt</c> beside this file, so every change to the surface a driver author
/// programs against shows up as a diff in review (CONVENTIONS.md, "Build").
/// </summary>
/// <remarks>
/// On a mismatch the test writes <c>PublicApi.received.txt</c> next to the approved file and fails
/// with the diff. If the change is intended, copy the received file over the approved one.
/// </remarks>
public sealed class PublicApiTests
{
    private const string ApprovedName = "PublicApi.approved.txt";
    private const string ReceivedName = "PublicApi.received.txt";

    /// <summary>Every namespace of the assembly is approved: the façade, provider, async_tx, mapping, device tree, board, dmatest and workloads.</summary>
    private static readonly string[] ExcludedNamespaces = [];

    [Fact]
    public void Public_api_matches_the_approved_surface()
    {
        string received = PublicApiDump.Of(typeof(DmaEngine).Assembly, ExcludedNamespaces);
        string directory = SourceDirectory();
        string approvedPath = Path.Combine(directory, ApprovedName);
        string receivedPath = Path.Combine(directory, ReceivedName);
        string approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : "";

        if (approved == received)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var message = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"The public API of DmaActors.Api differs from {approvedPath}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Received surface written to {receivedPath}; if the change is intended, copy it over the approved file.")
            .AppendLine("Diff (- approved, + received):")
            .Append(LineDiff.Describe(approved, received, maxLines: 60));
        Assert.Fail(message.ToString());
    }

    [Fact]
    public void Dump_covers_every_area_of_the_facade()
    {
        string dump = PublicApiDump.Of(typeof(DmaEngine).Assembly, ExcludedNamespaces);
        foreach (var type in new[] { "DmaActors.Api.DmaEngine", "DmaActors.Api.Provider.DmaDeviceDescription", "DmaActors.Api.Mapping.Device", "DmaActors.Api.DeviceTree.DtsParser", "DmaActors.Api.DmaTest.DmaTestRunner", "DmaActors.Api.Workloads.WorkloadRunner" })
        {
            Assert.Contains(type, dump, StringComparison.Ordinal);
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

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
            if (File.Exists(Path.Combine(dir.FullName, "DmaActors.Api.Tests.csproj"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"Cannot find the test project's folder (source path '{sourceFile}', output '{AppContext.BaseDirectory}').");
    }
}
