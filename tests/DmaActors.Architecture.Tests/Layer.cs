using System.Reflection;

namespace DmaActors.Architecture.Tests;

/// <summary>
/// One library assembly of the product (src/<c>Name</c>, assembly <c>DmaActors.Name</c>, namespace
/// <c>DmaActors.Name</c>) and the assemblies of ours it may use. References go one way, as the
/// kernel's subsystems do: <c>scripts/dtc</c> needs nothing, the kernel's dmaengine vocabulary
/// (<c>include/linux/dmaengine.h</c>'s enums) sits below everything that speaks it,
/// <c>kernel/dma</c> and <c>drivers/dma</c> sit on the hardware model, board bring-up and dmatest
/// sit on dmaengine.
/// </summary>
/// <remarks>
/// One exception to folder = assembly = namespace: <c>src/Api.Abstractions</c>
/// (<c>DmaActors.Api.Abstractions</c>) declares its types in <c>DmaActors.Api</c>
/// (<see cref="SharedNamespace"/>; src/Api.Abstractions/README.md says why).
/// </remarks>
public sealed record Layer(string Name, Assembly Assembly, params string[] MayUse)
{
    /// <summary>The product's library assemblies, lowest first. The CLI (<c>dmactors</c>) may use all of them and nothing uses it.</summary>
    public static readonly IReadOnlyList<Layer> All =
    [
        new("Runtime", typeof(Runtime.Simulation).Assembly),
        new("DeviceTree", typeof(DeviceTree.DtTree).Assembly),
        new("Api.Abstractions", typeof(Api.DmaStatus).Assembly) { SharedNamespace = "DmaActors.Api" },
        new("TestKit", typeof(TestKit.SimulationTestKit).Assembly, "Runtime"),
        new("Actors", typeof(Actors.Memory.PhysicalMemory).Assembly, "Api.Abstractions", "Runtime"),
        new("Mapping", typeof(Mapping.Device).Assembly, "Actors", "Api.Abstractions", "Runtime", "DeviceTree"),
        new("Api", typeof(Api.DmaEngine).Assembly, "Api.Abstractions", "Mapping", "Actors", "Runtime", "DeviceTree"),
        new("Boards", typeof(Boards.SimulatedBoard).Assembly, "Api", "Api.Abstractions", "Mapping", "Actors", "Runtime", "DeviceTree"),
        new("DmaTest", typeof(DmaTest.DmaTestRunner).Assembly, "Api", "Api.Abstractions", "Mapping", "Actors", "Runtime"),
        // Runs spread over an Akka.NET cluster: it knows nothing of DMA or of the simulation.
        new("Cluster", typeof(Cluster.ClusterJob).Assembly),
    ];

    /// <summary>The namespace this assembly's types are declared in when it is not its own name (the one exception, <c>Api.Abstractions</c>); null otherwise.</summary>
    public string? SharedNamespace { get; init; }

    /// <summary>The assembly's name (<c>DmaActors.Name</c>), which also names its package and its approved public-API file.</summary>
    public string AssemblyName => "DmaActors." + Name;

    /// <summary>The root namespace of this assembly's types (<c>DmaActors.Name</c>, or <see cref="SharedNamespace"/>).</summary>
    public string Namespace => SharedNamespace ?? AssemblyName;

    /// <summary>
    /// The root namespaces of ours this assembly must not use (NetArchTest matches whole namespace
    /// segments): every other layer and the CLI, except those it may use, and except a namespace
    /// that a layer it may use shares (<c>DmaActors.Api</c> for the actors, which speak the
    /// vocabulary but must not reach the façade: <see cref="ForbiddenAssemblies"/> checks that).
    /// </summary>
    public string[] Forbidden()
    {
        var allowed = All.Where(l => MayUse.Contains(l.Name)).Select(l => l.Namespace).ToHashSet();
        return All.Where(l => l.Name != Name && !MayUse.Contains(l.Name)).Select(l => l.Namespace)
            .Append("DmaActors.Cli")
            .Where(n => n != Namespace && !allowed.Contains(n))
            .Distinct()
            .ToArray();
    }

    /// <summary>The assemblies of ours this assembly must not reference: every other layer and the CLI (<c>dmactors</c>), except those it may use.</summary>
    public string[] ForbiddenAssemblies() =>
        All.Where(l => l.Name != Name && !MayUse.Contains(l.Name)).Select(l => l.AssemblyName)
            .Append("DmaActors.Cli").Append("dmactors")
            .ToArray();

    /// <inheritdoc/>
    public override string ToString() => Name;
}
