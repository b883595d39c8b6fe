using System.IO.Compression;
using System.Xml.Linq;

namespace DmaActors.Packaging.Tests;

/// <summary>
/// The tree packed once for the whole test run: <c>dotnet pack DmaActors.sln</c> with an artifacts
/// folder of its own in a temporary directory, so the tree's bin/ and obj/ (which the other test
/// projects are using, maybe at this moment) are never touched.
/// </summary>
public sealed class PackedTree : IDisposable
{
    /// <summary>Generous: packing builds the nine projects in Release on a shared machine. A guard against a hang, not a measure.</summary>
    private static readonly TimeSpan PackGuard = TimeSpan.FromMinutes(20);

    /// <summary>Packs the tree; throws with the pack's output when it fails.</summary>
    public PackedTree()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Directory.CreateTempSubdirectory("dmactors-packaging-").FullName;
        string artifacts = Path.Combine(WorkDirectory, "artifacts");
        PackOutput = DotnetCommand.Dotnet(RepositoryRoot, new Dictionary<string, string>(), PackGuard,
            "pack", Path.Combine(RepositoryRoot, "DmaActors.sln"), "--configuration", "Release", "--artifacts-path", artifacts, "--disable-build-servers");
        if (PackOutput.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed. " + PackOutput.Describe());

        PackageDirectory = Path.Combine(artifacts, "package", "release");
        Packages = Directory.GetFiles(PackageDirectory, "*.nupkg").Select(PackageFile.Read).ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The repository's root folder (the one holding DmaActors.sln).</summary>
    public string RepositoryRoot { get; }

    /// <summary>A temporary folder for this run, deleted at the end: artifacts, packages, installs.</summary>
    public string WorkDirectory { get; }

    /// <summary>The folder the .nupkg files are in: a local package source.</summary>
    public string PackageDirectory { get; }

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    internal CommandResult PackOutput { get; }

    /// <summary>Every package made, by id.</summary>
    public IReadOnlyDictionary<string, PackageFile> Packages { get; }

    /// <summary>A new empty folder under <see cref="WorkDirectory"/>.</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(WorkDirectory, name)).FullName;

    /// <summary>A file of the repository.</summary>
    public string RepositoryFile(string relative) => Path.Combine(RepositoryRoot, relative);

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process of ours still held a file: the folder is in the temp directory, which the OS cleans.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DmaActors.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"DmaActors.sln not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>One .nupkg: its nuspec metadata and the files it holds.</summary>
/// <param name="Path">The file.</param>
/// <param name="Nuspec">The package's .nuspec document.</param>
/// <param name="Entries">The paths inside the package.</param>
public sealed record PackageFile(string Path, XDocument Nuspec, IReadOnlyList<string> Entries)
{
    /// <summary>The package id.</summary>
    public string Id => Metadata("id") ?? throw new InvalidDataException($"{Path}: the nuspec has no id");

    /// <summary>The package version.</summary>
    public string Version => Metadata("version") ?? throw new InvalidDataException($"{Path}: the nuspec has no version");

    /// <summary>The value of a nuspec metadata element (<c>id</c>, <c>version</c>, <c>readme</c>, …), or null.</summary>
    public string? Metadata(string name) => MetadataElement(name)?.Value;

    /// <summary>A nuspec metadata element, or null.</summary>
    public XElement? MetadataElement(string name) =>
        Nuspec.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static PackageFile Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var nuspec = zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = nuspec.Open();
        return new PackageFile(path, XDocument.Load(stream), [.. zip.Entries.Select(e => e.FullName)]);
    }
}

/// <summary>The tests that share one <see cref="PackedTree"/>, packed once per run.</summary>
[CollectionDefinition(nameof(PackedTreeCollection))]
public sealed class PackedTreeCollection : ICollectionFixture<PackedTree>;
