using System.Globalization;
using DmaActors.Boards.Workloads;

namespace DmaActors.Cli;

/// <summary>What <c>bench arbitration</c> was asked to run: each policy at each load (run i: policy i / loads, load i % loads).</summary>
/// <param name="Loads">Virtual channels in use, per run.</param>
/// <param name="Physical">Physical channels they share.</param>
/// <param name="Milliseconds">Virtual time per run.</param>
/// <param name="Policies">The policies compared.</param>
internal sealed record ArbitrationRequest(IReadOnlyList<int> Loads, int Physical, double Milliseconds, IReadOnlyList<string> Policies)
{
    /// <summary>How many runs: every policy at every load.</summary>
    public int Runs => Policies.Count * Loads.Count;

    /// <summary>Run <paramref name="index"/>, in the order the single-process study runs them.</summary>
    public ArbitrationPoint Run(int index) => ArbitrationStudy.RunPoint(Policies[index / Loads.Count], Loads[index % Loads.Count], Physical, Milliseconds);

    /// <summary>The request as <c>bench arbitration</c>'s command line (what a cluster worker is sent).</summary>
    public IReadOnlyList<string> ToArguments() =>
    [
        "--loads", string.Join(',', Loads.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        "--physical", Physical.ToString(CultureInfo.InvariantCulture),
        "--ms", Milliseconds.ToString("R", CultureInfo.InvariantCulture),
        "--policies", string.Join(',', Policies),
    ];
}
