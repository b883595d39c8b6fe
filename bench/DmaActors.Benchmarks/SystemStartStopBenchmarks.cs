using BenchmarkDotNet.Attributes;

namespace DmaActors.Benchmarks;

/// <summary>
/// What a system costs to have at all: create one and terminate it, waiting until it has
/// terminated, on each <see cref="ActorRuntime"/> (stock Akka.NET: <c>ActorSystem.Create</c> with
/// its defaults but the log levels; ours: <c>Simulation.Create</c>, which also makes the world, its
/// clock and dispatcher, and a deterministic world settles Akka's start-up and is then held until
/// the terminate releases it). Tests and the CLI create a system per test or per run, so this is
/// their fixed cost. Results per system.
/// </summary>
[MemoryDiagnoser]
public class SystemStartStopBenchmarks : RuntimeBenchmark
{
    [Benchmark(Description = "create + terminate a system")]
    public void StartStop() => BenchSystem.Create(Runtime, "start-stop").Terminate();
}
