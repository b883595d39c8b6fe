namespace DmaActors.Cli.Output;

/// <summary>
/// The wall-time figures of a report: the whole simulation's, and for a report whose JSON is a
/// list of runs (<c>bench arbitration</c>), each run's, in the list's order.
/// </summary>
/// <param name="Whole">The whole simulation: JSON property <c>Wall</c> when the JSON is an object; a line below the text tables.</param>
/// <param name="What">What it timed, for the text line ("the 50 ms run", "15 runs").</param>
/// <param name="PerItem">Each run of a JSON list, its figures added to its element; null when the JSON is an object.</param>
internal sealed record ReportTiming(WallTiming Whole, string What, IReadOnlyList<WallTiming>? PerItem = null);
