namespace DmaActors.Cli.Output;

/// <summary>Everything a command prints on stdout, in each of the three forms it can take.</summary>
/// <param name="Json">What <c>--json</c> serialises: the command's result record, every figure of the tables and more.</param>
/// <param name="Tables">The tables, in print order; <c>--csv NAME</c> picks one by name.</param>
/// <param name="Before">Sentences printed above the tables (text only).</param>
/// <param name="After">Sentences printed below them (text only).</param>
internal sealed record ReportDocument(object Json, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportLine> Before, IReadOnlyList<ReportLine> After)
{
    /// <summary>Wall time and real-time factor, printed unless <see cref="OutputSettings.WallTime"/> is off; never in CSV (a table of deterministic figures).</summary>
    public ReportTiming? Timing { get; init; }
}
