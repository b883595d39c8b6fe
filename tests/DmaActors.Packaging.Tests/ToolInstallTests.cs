using System.Text.Json;

namespace DmaActors.Packaging.Tests;

/// <summary>The README's "Install the command", from the packed tool: install it into a folder, run the demo.</summary>
[Collection(nameof(PackedTreeCollection))]
public sealed class ToolInstallTests(PackedTree packed)
{
    [Fact]
    public void The_packed_tool_installs_with_a_tool_path_and_its_demo_reports_verified_data_as_json()
    {
        var tool = packed.Packages["DmaActors.Cli"];
        string tools = packed.NewDirectory("tools");
        // Its own packages folder: an older DmaActors.Cli of the same version in the machine's
        // cache must not stand in for the one just packed.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packed.NewDirectory("nuget-packages-tool") };
        var install = DotnetCommand.Dotnet(packed.NewDirectory("tool-install"), environment,
            "tool", "install", tool.Id, "--version", tool.Version, "--tool-path", tools, "--add-source", packed.PackageDirectory, "--ignore-failed-sources");
        Assert.True(install.ExitCode == 0, install.Describe());

        var run = DotnetCommand.Run(Path.Combine(tools, "dmactors"), packed.WorkDirectory, ToolEnvironment(), DotnetCommand.DefaultHangGuard, "demo", "--json");

        Assert.True(run.ExitCode == 0, run.Describe());
        using var report = JsonDocument.Parse(run.StandardOutput);
        var streams = Property(report.RootElement, "Streams").EnumerateArray().ToList();
        Assert.NotEmpty(streams);
        Assert.All(streams, s =>
        {
            string name = Property(s, "Name").GetString()!;
            Assert.True(Property(s, "Bytes").GetInt64() > 0, $"{name} moved no bytes");
            Assert.True(Property(s, "BytesPerSecond").GetDouble() > 0, $"{name} has no bandwidth");
            Assert.True(Property(s, "LatencyP99Microseconds").GetDouble() > 0, $"{name} has no latency");
            Assert.Equal(0, Property(s, "Mismatches").GetInt64());
            Assert.Equal(0, Property(s, "Errors").GetInt64());
        });
        var controllers = Property(report.RootElement, "Controllers").EnumerateArray().ToList();
        Assert.NotEmpty(controllers);
        Assert.All(controllers, c => Assert.InRange(Property(c, "JainFairness").GetDouble(), 0, 1));
    }

    /// <summary>The installed launcher finds the runtime the tests run on.</summary>
    private static Dictionary<string, string> ToolEnvironment() =>
        DotnetCommand.Root is { } root ? new() { ["DOTNET_ROOT"] = root } : [];

    /// <summary>A property by name, in any casing (the report's JSON may be camelCase one day).</summary>
    private static JsonElement Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        }
        throw new KeyNotFoundException($"The demo's JSON has no '{name}' in {element}");
    }
}
