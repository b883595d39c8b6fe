using Akka.Actor;
using BenchmarkDotNet.Attributes;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// Base of the benchmarks of simulated hardware: one simulated world on the virtual clock
/// (<see cref="Simulation.Create"/>), made in the subclass's global setup with
/// <see cref="StartSimulation"/> and terminated after the runs.
/// </summary>
public abstract class SimulationBenchmark
{
    /// <summary>
    /// The Akka.NET system the simulation runs in (set by <see cref="StartSimulation"/>). Not named
    /// <c>System</c>: BenchmarkDotNet's generated subclass code names <c>System.*</c> types unqualified.
    /// </summary>
    protected ActorSystem Sys { get; private set; } = null!;

    /// <summary>Its simulated world: clock, Advance, RunUntil, RunUntilIdle.</summary>
    protected SimulatedWorld World { get; private set; } = null!;

    /// <summary>Creates the system: <paramref name="dispatcher"/>, virtual clock, the benchmarks' stall limit.</summary>
    protected ActorSystem StartSimulation(string name, DispatcherKind dispatcher)
    {
        Sys = Simulation.Create(name, BenchSystem.Settings(dispatcher));
        World = Sys.Simulation();
        return Sys;
    }

    /// <summary>Terminates the system after the runs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (Sys is { } system && !system.Terminate().Wait(Systems.Limit))
            throw new TimeoutException($"{system.Name} did not terminate within {Systems.Limit}.");
    }
}
