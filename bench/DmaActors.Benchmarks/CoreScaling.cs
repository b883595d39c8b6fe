using System.Globalization;
using BenchmarkDotNet.Jobs;

namespace DmaActors.Benchmarks;

/// <summary>
/// <c>--cores 1,2</c>: one job per core count in the same run, so the summary shows each benchmark
/// on 1 core and on 2 side by side (meant for the host-cost classes: Hardware, Facade, ManyPairs).
/// A job for n cores pins BenchmarkDotNet's child process to cores 0..n−1 (affinity mask 2ⁿ−1)
/// and sets <c>DOTNET_PROCESSOR_COUNT</c> = n, so the runtime sizes itself for n cores too (thread
/// pool, <see cref="Environment.ProcessorCount"/>, and so the number of pairs in
/// <see cref="ManyPairsThroughputBenchmarks"/>); its id names the count (<c>1-core</c>,
/// <c>2-cores</c>). BenchmarkDotNet does not know the option, so it is taken out of the arguments
/// it parses, and so is <c>--job</c>: with <c>--cores</c>, the named job (or
/// <see cref="BenchConfig.DefaultJob"/>) is the base of every per-core job instead of a job of its
/// own. <c>--warmupCount</c>, <c>--iterationCount</c> and friends still refine them. On Linux
/// affinity is per thread; BenchmarkDotNet sets it right after starting the child, before the
/// runtime starts its other threads, which inherit it (every thread of a 1-core child was seen in
/// <c>/proc</c> pinned to core 0).
/// </summary>
/// <param name="Cores">The core counts, in the order given.</param>
/// <param name="BaseJobName">The <c>--job</c> given with it, if any.</param>
internal sealed record CoreScaling(IReadOnlyList<int> Cores, string? BaseJobName)
{
    public const string Option = "--cores";

    private static readonly Dictionary<string, Job> NamedJobs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = Job.Default,
        ["dry"] = Job.Dry,
        ["short"] = Job.ShortRun,
        ["medium"] = Job.MediumRun,
        ["long"] = Job.LongRun,
        ["verylong"] = Job.VeryLongRun,
    };

    /// <summary>
    /// Takes <c>--cores</c> (and then <c>--job</c>) out of <paramref name="args"/>: null and the
    /// arguments untouched when there is no <c>--cores</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A core count is not a whole number in 1..<see cref="Environment.ProcessorCount"/>, or the job is unknown.</exception>
    public static (CoreScaling? Scaling, string[] Remaining) Take(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = args.ToList();
        if (TakeValue(rest, Option) is not { } list) return (null, args);
        int[] cores = [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseCores)];
        if (cores.Length == 0) throw new ArgumentException($"{Option} needs a comma-separated list of core counts, e.g. {Option} 1,2.");
        string? longJob = TakeValue(rest, "--job"), shortJob = TakeValue(rest, "-j");
        string? job = shortJob ?? longJob;
        if (job is not null && !NamedJobs.ContainsKey(job))
            throw new ArgumentException($"--job {job} is not one of {string.Join(", ", NamedJobs.Keys)}.");
        return (new CoreScaling(cores, job), [.. rest]);
    }

    /// <summary>One job per core count, each built on the named job (or the benchmarks' default one).</summary>
    public IEnumerable<Job> Jobs()
    {
        var baseJob = BaseJobName is null ? BenchConfig.DefaultJob : NamedJobs[BaseJobName];
        return Cores.Select(n => baseJob
            .WithAffinity(new IntPtr((1L << n) - 1))
            .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_PROCESSOR_COUNT", n.ToString(CultureInfo.InvariantCulture)))
            .WithId(n == 1 ? "1-core" : string.Create(CultureInfo.InvariantCulture, $"{n}-cores")));
    }

    private static int ParseCores(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > Math.Min(Environment.ProcessorCount, 63))
            throw new ArgumentException($"{Option}: '{text}' is not a core count in 1..{Math.Min(Environment.ProcessorCount, 63)} (this machine has {Environment.ProcessorCount}).");
        return n;
    }

    /// <summary>Removes <c>name value</c> or <c>name=value</c> from <paramref name="args"/>, returning the value (the last one, if repeated).</summary>
    private static string? TakeValue(List<string> args, string name)
    {
        string? value = null;
        for (int i = 0; i < args.Count;)
        {
            if (args[i] == name && i + 1 < args.Count)
            {
                value = args[i + 1];
                args.RemoveRange(i, 2);
            }
            else if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                value = args[i][(name.Length + 1)..];
                args.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }
        return value;
    }
}
