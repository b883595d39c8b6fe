namespace DmaActors.Cluster;

/// <summary>
/// What a cluster runs: <paramref name="Items"/> numbered work items (0 … Items − 1), each an
/// independent deterministic run that a worker knows how to do from <paramref name="Kind"/> and
/// <paramref name="Arguments"/> (for <c>dmactors</c>: the command and its command line).
/// </summary>
/// <param name="Kind">What the items are (<c>explore</c>, <c>bench-arbitration</c>).</param>
/// <param name="Arguments">How to make them, as the worker's runner factory reads it.</param>
/// <param name="Items">How many items.</param>
/// <param name="StopAtFirstFailure">
/// Only the lowest failing item matters (a schedule exploration): once an item fails, items above
/// it are no longer handed out and the job ends when every item below it is done.
/// </param>
public sealed record ClusterJob(string Kind, IReadOnlyList<string> Arguments, int Items, bool StopAtFirstFailure)
{
    /// <summary>A line naming the job exactly (kind, arguments, items), which a record file must carry to be resumed by it.</summary>
    public string Identity => string.Join('\u001f', new[] { "v1", Kind, Items.ToString(System.Globalization.CultureInfo.InvariantCulture), StopAtFirstFailure ? "stop" : "all" }.Concat(Arguments));
}
