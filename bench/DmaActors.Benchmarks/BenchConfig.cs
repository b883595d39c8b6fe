using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace DmaActors.Benchmarks;

/// <summary>
/// Defaults for a small, noisy machine (2 shared vCPUs): one launch, 3 warm-ups, 10 iterations.
/// BenchmarkDotNet lets a config's default job replace the command line's <c>--job</c>, so the
/// default is added only when no <c>--job</c> is given; <c>--warmupCount</c>,
/// <c>--iterationCount</c> and friends refine whichever job is in force. With <c>--cores</c>
/// (<see cref="CoreScaling"/>) there is one job per core count instead.
/// </summary>
internal static class BenchConfig
{
    /// <summary>The job used when the command line names none: 1 launch, 3 warm-ups, 10 iterations.</summary>
    public static Job DefaultJob => Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10);

    /// <summary>The config for <paramref name="args"/>, and the arguments left for BenchmarkDotNet to parse.</summary>
    /// <exception cref="ArgumentException"><c>--cores</c> is malformed (see <see cref="CoreScaling.Take"/>).</exception>
    public static (IConfig Config, string[] Arguments) Create(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.OperationsPerSecond, RatioToAkkaColumn.Instance, FootprintLog.RetainedColumn)
            .AddColumn([.. ArbitrationFigures.Columns]);
        var (scaling, rest) = CoreScaling.Take(args);
        if (scaling is not null) return (config.AddJob([.. scaling.Jobs()]), rest);
        bool jobGiven = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        return (jobGiven ? config : config.AddJob(DefaultJob.AsDefault()), args);
    }
}
