namespace DmaActors.Packaging.Tests;

/// <summary>What <c>dotnet pack</c> makes of the tree: a package per library assembly and the dmactors tool, each with its metadata.</summary>
[Collection(nameof(PackedTreeCollection))]
public sealed class PackageContentsTests(PackedTree packed)
{
    /// <summary>The library assemblies under src/, each a package of the same name.</summary>
    private static readonly string[] Libraries =
        ["DmaActors.Runtime", "DmaActors.Api.Abstractions", "DmaActors.Actors", "DmaActors.DeviceTree", "DmaActors.Mapping", "DmaActors.Api", "DmaActors.Boards", "DmaActors.DmaTest", "DmaActors.TestKit", "DmaActors.Cluster"];

    [Fact]
    public void Pack_makes_one_package_per_library_and_the_tool_all_of_one_version()
    {
        Assert.Equal([.. Libraries.Append("DmaActors.Cli").Order(StringComparer.Ordinal)], packed.Packages.Keys.Order(StringComparer.Ordinal));
        Assert.Single(packed.Packages.Values.Select(p => p.Version).Distinct());
    }

    [Fact]
    public void Every_library_package_carries_its_assembly_xml_docs_readme_and_licence()
    {
        Assert.All(Libraries, id =>
        {
            var package = packed.Packages[id];
            Assert.Contains($"lib/net10.0/{id}.dll", package.Entries);
            Assert.Contains($"lib/net10.0/{id}.xml", package.Entries);
            Assert.Equal("README.md", package.Metadata("readme"));
            Assert.Contains("README.md", package.Entries);
            Assert.Equal("Apache-2.0", package.Metadata("license"));
            Assert.False(string.IsNullOrWhiteSpace(package.Metadata("description")), $"{id} has no description");
            Assert.Equal("git", package.MetadataElement("repository")?.Attribute("type")?.Value);
        });
    }

    [Theory]
    [InlineData("DmaActors.Api")]
    [InlineData("DmaActors.Actors")]
    public void The_packages_that_speak_the_kernel_vocabulary_depend_on_its_package(string id)
    {
        var dependencies = packed.Packages[id].MetadataElement("dependencies")?.Descendants()
            .Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")?.Value).ToList() ?? [];

        Assert.Contains("DmaActors.Api.Abstractions", dependencies);
    }

    [Fact]
    public void The_cli_package_is_the_dmactors_dotnet_tool()
    {
        var tool = packed.Packages["DmaActors.Cli"];

        Assert.Equal("DotnetTool", tool.MetadataElement("packageTypes")?.Elements().Single().Attribute("name")?.Value);
        Assert.Contains("tools/net10.0/any/dmactors.dll", tool.Entries);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", tool.Entries);
        Assert.Contains("README.md", tool.Entries);
    }
}
