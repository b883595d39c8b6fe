using System.Globalization;

namespace DmaActors.Benchmarks;

/// <summary>
/// Carries retained-memory figures from BenchmarkDotNet's child processes back to the host's
/// summary table: the host names a file in an environment variable (children inherit it), each
/// child appends one line per measured iteration, and <see cref="BytesPerActorColumn"/> reads the
/// median when the table is printed.
/// </summary>
internal static class FootprintLog
{
    public const string Variable = "DMAACTORS_BENCH_FOOTPRINT_FILE";

    /// <summary>Host side: a fresh file for this run.</summary>
    public static void Publish()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dmaactors-footprint-{Environment.ProcessId}.tsv");
        File.Delete(path);
        Environment.SetEnvironmentVariable(Variable, path);
    }

    /// <summary>Child side: records one figure for <paramref name="benchmark"/> and prints it into the log.</summary>
    public static void Record(string benchmark, double bytesPerActor)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// DmaActors footprint: {benchmark} retains {bytesPerActor:F1} bytes per actor"));
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path) return;
        File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"{benchmark}\t{bytesPerActor:F1}\n"));
    }

    /// <summary>Host side: the median of what the children recorded for <paramref name="benchmark"/>, if anything.</summary>
    public static double? Median(string benchmark)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path || !File.Exists(path)) return null;
        var values = File.ReadAllLines(path)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2 && parts[0] == benchmark)
            .Select(parts => double.Parse(parts[1], CultureInfo.InvariantCulture))
            .Order()
            .ToArray();
        if (values.Length == 0) return null;
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
    }
}
