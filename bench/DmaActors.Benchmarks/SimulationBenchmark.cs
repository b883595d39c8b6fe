using BenchmarkDotNet.Attributes;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// Base of the benchmarks of simulated hardware: one actor system on the virtual clock, made in
/// the subclass's global setup with <see cref="StartSimulation"/> and shut down after the runs.
/// </summary>
public abstract class SimulationBenchmark
{
    /// <summary>The system the simulation runs on (set by <see cref="StartSimulation"/>).</summary>
    protected ActorSystem Simulation { get; private set; } = null!;

    /// <summary>Creates the system: <paramref name="dispatcher"/>, virtual clock, the benchmarks' stall limit.</summary>
    protected ActorSystem StartSimulation(string name, DispatcherKind dispatcher) =>
        Simulation = ActorSystem.Create(name, new ActorSystemSettings { Dispatcher = dispatcher, Clock = ClockKind.Virtual, WallClockLimit = Systems.Limit });

    /// <summary>Shuts the system down after the runs.</summary>
    [GlobalCleanup]
    public void Cleanup() => Simulation?.Shutdown();
}
