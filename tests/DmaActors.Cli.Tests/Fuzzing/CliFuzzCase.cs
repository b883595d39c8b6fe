using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace DmaActors.Cli.Tests.Fuzzing;

/// <summary>
/// One fuzzing property over the CLI (issue 13, item 4): each input runs dmactors in-process and
/// must end 0, 1, or 2 with a message on stderr and no stack trace; never 3 (a bug), an escaping
/// exception, or past <see cref="TimeBound"/>. Outcomes are counted by exit code and printed.
/// </summary>
internal sealed class CliFuzzCase(string property)
{
    /// <summary>Generous: CI shares 2 cores; every case runs at most a millisecond or two of virtual time. CI: 400 inputs per property, about 20 s for both.</summary>
    public static TimeSpan TimeBound { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Inputs per property: <c>DMACTORS_FUZZ_ITERATIONS</c>, or <paramref name="ci"/>.</summary>
    public static long Iterations(long ci) =>
        long.TryParse(Environment.GetEnvironmentVariable("DMACTORS_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 ? n : ci;

    /// <summary>A CsCheck seed to replay (<c>DMACTORS_FUZZ_SEED</c>), or null.</summary>
    public static string? Seed => Environment.GetEnvironmentVariable("DMACTORS_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    private readonly ConcurrentDictionary<int, int> _byExit = new();

    /// <summary>Runs <paramref name="args"/> and checks the property; throws (so CsCheck shrinks and prints the input) when it fails.</summary>
    public void Run(string[] args)
    {
        var clock = Stopwatch.StartNew();
        var (code, _, errors) = CliRunner.Run(args);
        clock.Stop();
        _byExit.AddOrUpdate(code, 1, (_, n) => n + 1);
        string line = string.Join(' ', args);
        if (code is not (0 or 1 or 2)) throw new InvalidOperationException($"exit {code} for: dmactors {line}\n{errors}");
        if (code == 2 && !errors.Contains("dmactors", StringComparison.Ordinal))
            throw new InvalidOperationException($"exit 2 without a message naming what was refused: dmactors {line}\n{errors}");
        if (errors.Contains("   at ", StringComparison.Ordinal) || errors.Contains("Exception:", StringComparison.Ordinal))
            throw new InvalidOperationException($"a .NET trace or exception on stderr: dmactors {line}\n{errors}");
        if (clock.Elapsed > TimeBound) throw new InvalidOperationException($"over {TimeBound.TotalSeconds} s: dmactors {line}");
    }

    /// <summary>Prints the counts by exit code.</summary>
    public void Report(ITestOutputHelper output) =>
        output.WriteLine($"{property}: {_byExit.Values.Sum()} inputs; by exit code: {string.Join(", ", _byExit.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"))}");
}
