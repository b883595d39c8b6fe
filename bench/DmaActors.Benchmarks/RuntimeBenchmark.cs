using BenchmarkDotNet.Attributes;

namespace DmaActors.Benchmarks;

/// <summary>
/// Base of the benchmarks that compare actor runtimes: the runtime is a parameter, so each
/// benchmark runs on stock Akka.NET, on our counting thread pool and on our deterministic
/// dispatcher in one run, and the "Ratio to Akka" column (<see cref="RatioToAkkaColumn"/>) sets
/// each figure against stock Akka.NET's with the same method, job and other parameters.
/// BenchmarkDotNet has no baseline by parameter value, hence the column of our own.
/// </summary>
public abstract class RuntimeBenchmark
{
    /// <summary>Which runtime runs the actors (first column).</summary>
    [ParamsAllValues(Priority = -10)]
    public ActorRuntime Runtime { get; set; }
}
