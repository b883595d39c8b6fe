using System.Globalization;
using System.Security;
using System.Text;

namespace DmaActors.Packaging.Tests;

/// <summary>
/// The README's "Use it as a library", done as a user does it: a console project of its own, outside
/// the tree, that references the package the README names, with the README's program as its
/// Program.cs, restored from the packed packages and the machine's usual sources.
/// </summary>
[Collection(nameof(PackedTreeCollection))]
public sealed class ReadmeProgramTests(PackedTree packed)
{
    [Fact]
    public void The_readmes_program_builds_against_the_packed_packages_and_prints_what_the_readme_says()
    {
        var readme = ReadmeLibrarySection.Parse(File.ReadAllText(packed.RepositoryFile("README.md")));
        Assert.True(packed.Packages.ContainsKey(readme.PackageId), $"The README adds package {readme.PackageId}, which dotnet pack does not make.");
        var package = packed.Packages[readme.PackageId];

        string consumer = packed.NewDirectory("consumer");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packed.NewDirectory("nuget-packages-consumer") };
        File.WriteAllText(Path.Combine(consumer, "NuGet.config"), NuGetConfig(consumer, environment));
        string project = Directory.CreateDirectory(Path.Combine(consumer, "hello")).FullName;
        File.WriteAllText(Path.Combine(project, "hello.csproj"), ConsoleProject(package));
        File.WriteAllText(Path.Combine(project, "Program.cs"), readme.Program);

        var build = DotnetCommand.Dotnet(consumer, environment, "build", project, "--configuration", "Release", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, build.Describe());
        var run = DotnetCommand.Dotnet(consumer, environment, Path.Combine(project, "bin", "Release", "net10.0", "hello.dll"));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(readme.ExpectedOutput, run.StandardOutput.Trim());
    }

    /// <summary>What <c>dotnet new console</c> makes, plus the README's <c>dotnet add package</c>.</summary>
    private static string ConsoleProject(PackageFile package) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{package.Id}" Version="{package.Version}" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>
    /// The packed folder for DmaActors.* and nothing else, and for every other package the
    /// machine's own sources, with its global packages folder first (it holds what the tree's
    /// restore brought, so nothing needs a download). Source mapping keeps a DmaActors package of
    /// the same version from any other source out.
    /// </summary>
    private string NuGetConfig(string directory, Dictionary<string, string> environment)
    {
        var sources = new List<(string Key, string Value)> { ("dmactors-packed", packed.PackageDirectory) };
        var cache = DotnetCommand.Dotnet(directory, environment.Where(e => e.Key != "NUGET_PACKAGES").ToDictionary(), "nuget", "locals", "global-packages", "--list");
        string? machineCache = cache.StandardOutput.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("global-packages:", StringComparison.Ordinal))?["global-packages:".Length..].Trim();
        if (machineCache is { Length: > 0 } && Directory.Exists(machineCache)) sources.Add(("machine-packages", machineCache));
        var list = DotnetCommand.Dotnet(directory, environment, "nuget", "list", "source", "--format", "short");
        Assert.True(list.ExitCode == 0, list.Describe());
        foreach (var line in list.StandardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("E ", StringComparison.Ordinal)))
            sources.Add((string.Create(CultureInfo.InvariantCulture, $"machine-{sources.Count}"), line[2..].Trim()));

        var config = new StringBuilder().AppendLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>").AppendLine("<configuration>").AppendLine("  <packageSources>").AppendLine("    <clear />");
        foreach (var (key, value) in sources) config.AppendLine(CultureInfo.InvariantCulture, $"    <add key=\"{key}\" value=\"{SecurityElement.Escape(value)}\" />");
        config.AppendLine("  </packageSources>").AppendLine("  <packageSourceMapping>");
        foreach (var (key, _) in sources)
        {
            string pattern = key == "dmactors-packed" ? "DmaActors.*" : "*";
            config.AppendLine(CultureInfo.InvariantCulture, $"    <packageSource key=\"{key}\"><package pattern=\"{pattern}\" /></packageSource>");
        }
        return config.AppendLine("  </packageSourceMapping>").AppendLine("</configuration>").ToString();
    }
}
