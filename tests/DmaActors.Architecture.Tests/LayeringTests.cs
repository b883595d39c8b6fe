using NetArchTest.Rules;

namespace DmaActors.Architecture.Tests;

/// <summary>References between the product's assemblies go one way (<see cref="Layer.All"/>), checked on the compiled types.</summary>
public sealed class LayeringTests
{
    public static TheoryData<string> Layers() => [.. Layer.All.Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Layers))]
    public void An_assembly_uses_only_the_layers_below_it(string name)
    {
        var layer = Layer.All.Single(l => l.Name == name);
        var forbidden = layer.Forbidden();

        var result = Types.InAssembly(layer.Assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{layer.AssemblyName} may use only {(layer.MayUse.Length == 0 ? "nothing of ours" : string.Join(", ", layer.MayUse))}, but these types use one of {string.Join(", ", forbidden)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void An_assembly_references_only_the_assemblies_below_it(string name)
    {
        var layer = Layer.All.Single(l => l.Name == name);
        var forbidden = layer.ForbiddenAssemblies();

        var wrong = layer.Assembly.GetReferencedAssemblies().Select(r => r.Name).Where(n => forbidden.Contains(n)).ToList();

        Assert.True(wrong.Count == 0, $"{layer.AssemblyName} may use only {(layer.MayUse.Length == 0 ? "nothing of ours" : string.Join(", ", layer.MayUse))}, but references {string.Join(", ", wrong)}.");
    }

    [Fact]
    public void The_kernel_vocabulary_needs_nothing_and_holds_only_values()
    {
        var vocabulary = Layer.All.Single(l => l.Name == "Api.Abstractions").Assembly;

        var ours = vocabulary.GetReferencedAssemblies().Select(r => r.Name).Where(n => n is not null && (n.StartsWith("DmaActors", StringComparison.Ordinal) || n.StartsWith("Akka", StringComparison.Ordinal))).ToList();
        var notValues = vocabulary.GetExportedTypes().Where(t => !t.IsEnum && !t.IsValueType && !(t.IsAbstract && t.IsSealed)).Select(t => t.FullName).ToList();

        Assert.True(ours.Count == 0, $"DmaActors.Api.Abstractions is the bottom layer; it references {string.Join(", ", ours)}.");
        Assert.True(notValues.Count == 0, $"DmaActors.Api.Abstractions holds the kernel's enums, small value records and pure static functions only; these are none of those: {string.Join(", ", notValues)}.");
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Every_type_lives_in_its_assemblys_namespace(string name)
    {
        var layer = Layer.All.Single(l => l.Name == name);

        var strays = layer.Assembly.GetTypes()
            .Where(t => t.Namespace is not null && !t.Namespace.StartsWith("System", StringComparison.Ordinal) && !t.Namespace.StartsWith("Microsoft", StringComparison.Ordinal))
            .Where(t => t.Namespace != layer.Namespace && !t.Namespace!.StartsWith(layer.Namespace + ".", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(strays.Count == 0, $"Folder = assembly = namespace: these types of {layer.AssemblyName} are outside {layer.Namespace}: {string.Join(", ", strays)}");
    }

    [Fact]
    public void The_device_tree_compiler_needs_no_actor_runtime()
    {
        var result = Types.InAssembly(typeof(DeviceTree.DtTree).Assembly).ShouldNot().HaveDependencyOnAny("Akka", "Serilog", "DmaActors.Runtime", "DmaActors.Actors").GetResult();

        Assert.True(result.IsSuccessful, $"DmaActors.DeviceTree is useful alone; these types pull in an actor runtime: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void No_library_uses_the_command_line_tool()
    {
        foreach (var layer in Layer.All)
        {
            Assert.DoesNotContain(layer.Assembly.GetReferencedAssemblies(), r => r.Name == "dmactors");
        }
    }
}
