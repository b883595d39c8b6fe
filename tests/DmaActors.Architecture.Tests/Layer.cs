using System.Reflection;

namespace DmaActors.Architecture.Tests;

/// <summary>
/// One library assembly of the product (src/<c>Name</c>, namespace <c>DmaActors.Name</c>) and the
/// assemblies of ours it may use. References go one way, as the kernel's subsystems do:
/// <c>scripts/dtc</c> needs nothing, <c>kernel/dma</c> and <c>drivers/dma</c> sit on the hardware
/// model, board bring-up and dmatest sit on dmaengine.
/// </summary>
public sealed record Layer(string Name, Assembly Assembly, params string[] MayUse)
{
    /// <summary>The product's library assemblies, lowest first. The CLI (<c>dmactors</c>) may use all of them and nothing uses it.</summary>
    public static readonly IReadOnlyList<Layer> All =
    [
        new("Runtime", typeof(Runtime.Simulation).Assembly),
        new("DeviceTree", typeof(DeviceTree.DtTree).Assembly),
        new("TestKit", typeof(TestKit.SimulationTestKit).Assembly, "Runtime"),
        new("Actors", typeof(Actors.Memory.PhysicalMemory).Assembly, "Runtime"),
        new("Mapping", typeof(Mapping.Device).Assembly, "Actors", "Runtime", "DeviceTree"),
        new("Api", typeof(Api.DmaEngine).Assembly, "Actors", "Runtime", "DeviceTree", "Mapping"),
        new("Boards", typeof(Boards.SimulatedBoard).Assembly, "Api", "Actors", "Runtime", "DeviceTree"),
        new("DmaTest", typeof(DmaTest.DmaTestRunner).Assembly, "Api", "Actors", "Runtime"),
    ];

    /// <summary>The root namespace of this assembly (<c>DmaActors.Name</c>).</summary>
    public string Namespace => "DmaActors." + Name;

    /// <summary>The root namespaces of ours this assembly must not use (NetArchTest matches whole namespace segments): every other layer and the CLI, except those it may use.</summary>
    public string[] Forbidden() =>
        All.Select(l => l.Name).Append("Cli")
            .Where(n => n != Name && !MayUse.Contains(n))
            .Select(n => "DmaActors." + n)
            .ToArray();

    /// <inheritdoc/>
    public override string ToString() => Name;
}
