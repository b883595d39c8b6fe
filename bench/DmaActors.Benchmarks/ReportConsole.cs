using System.Globalization;
using System.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>What the console reports share: invariant-culture lines, the count argument, the header line.</summary>
internal static class ReportConsole
{
    /// <summary>
    /// Writes <paramref name="line"/> formatted in the invariant culture. There is deliberately no
    /// <see cref="string"/> overload: C# would prefer it for every interpolated string, formatting
    /// the numbers in the current culture.
    /// </summary>
    public static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>The first argument as a positive whole number, or <paramref name="fallback"/> when there is none.</summary>
    public static int Count(string[] args, int fallback)
    {
        int count = args.Length > 0 ? int.Parse(args[0], NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return count;
    }

    /// <summary>The report's first line: <paramref name="command"/>, what it measures, and the machine and runtime it measured on.</summary>
    public static void Header(string command, FormattableString subject) =>
        Print($"{command}: {subject.ToString(CultureInfo.InvariantCulture)}; {Environment.ProcessorCount} cores; .NET {Environment.Version}; {(GCSettings.IsServerGC ? "server" : "workstation")} GC, latency mode {GCSettings.LatencyMode}");
}
