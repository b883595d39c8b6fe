using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace DmaActors.Benchmarks;

/// <summary>
/// Defaults for a small, noisy machine (2 shared vCPUs): one launch, 3 warm-ups, 10 iterations.
/// BenchmarkDotNet lets a config's default job replace the command line's <c>--job</c>, so the
/// default is added only when no <c>--job</c> is given; <c>--warmupCount</c>,
/// <c>--iterationCount</c> and friends refine whichever job is in force.
/// </summary>
internal static class BenchConfig
{
    public static IConfig Create(IReadOnlyList<string> args)
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.OperationsPerSecond, new BytesPerActorColumn());
        bool jobGiven = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        return jobGiven
            ? config
            : config.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).AsDefault());
    }
}
