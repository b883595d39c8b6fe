namespace DmaActors.Cli.Output;

/// <summary>A sentence printed before or after the tables (a verdict, a replay hint).</summary>
internal readonly record struct ReportLine(string Text, CellTone Tone = CellTone.Plain);
