using System.Globalization;
using BenchmarkDotNet.Columns;

namespace DmaActors.Benchmarks;

/// <summary>
/// Carries figures measured inside BenchmarkDotNet's child processes (retained bytes per actor,
/// the simulated results of an arbitration run) back to the host's summary table: the host names
/// a file in an environment variable (children inherit it), each child appends one
/// <c>key TAB value</c> line per figure it measured, and a <see cref="ChildFigureColumn"/> reads
/// the median when the table is printed.
/// </summary>
internal static class FootprintLog
{
    public const string Variable = "DMAACTORS_BENCH_FOOTPRINT_FILE";

    /// <summary>The "Retained B/actor" column: what <see cref="SpawnBenchmarks"/> recorded per benchmark method and runtime.</summary>
    public static IColumn RetainedColumn { get; } = new ChildFigureColumn(
        "Retained B/actor",
        "Heap bytes still reachable per spawned actor once its creation was handled: GC.GetTotalMemory(true) after minus before, over the actors (median of iterations)",
        "F0",
        benchmarkCase => benchmarkCase.Descriptor.Type == typeof(SpawnBenchmarks)
            ? SpawnKey(benchmarkCase.Descriptor.WorkloadMethod.Name, (ActorRuntime)benchmarkCase.Parameters[nameof(RuntimeBenchmark.Runtime)])
            : null);

    /// <summary>The key a <see cref="SpawnBenchmarks"/> method's figure on <paramref name="runtime"/> is recorded under.</summary>
    public static string SpawnKey(string benchmark, ActorRuntime runtime) => $"{benchmark} {runtime}";

    /// <summary>Host side: a fresh file for this run.</summary>
    public static void Publish()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dmaactors-footprint-{Environment.ProcessId}.tsv");
        File.Delete(path);
        Environment.SetEnvironmentVariable(Variable, path);
    }

    /// <summary>Child side: records one retained-memory figure under <paramref name="key"/> (<see cref="SpawnKey"/>) and prints it into the log.</summary>
    public static void Record(string key, double bytesPerActor)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// DmaActors footprint: {key} retains {bytesPerActor:F1} bytes per actor"));
        Append(key, bytesPerActor);
    }

    /// <summary>Child side: records <paramref name="value"/> under <paramref name="key"/> (no tab or line break in it), if the host published a file.</summary>
    public static void Append(string key, double value)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path) return;
        File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"{key}\t{value:R}\n"));
    }

    /// <summary>Host side: the median of what the children recorded under <paramref name="key"/>, if anything.</summary>
    public static double? Median(string key)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path || !File.Exists(path)) return null;
        var values = File.ReadAllLines(path)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2 && parts[0] == key)
            .Select(parts => double.Parse(parts[1], CultureInfo.InvariantCulture))
            .Order()
            .ToArray();
        if (values.Length == 0) return null;
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
    }
}
