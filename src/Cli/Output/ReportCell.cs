namespace DmaActors.Cli.Output;

/// <summary>One cell: the text people read, the raw value machines read (CSV), and its tone.</summary>
/// <param name="Text">As printed in a text table (rounded, with thousands separators and units).</param>
/// <param name="Value">The unrounded figure (a number or a string) that CSV writes.</param>
/// <param name="Tone">Colour on a terminal that shows colour.</param>
internal readonly record struct ReportCell(string Text, object? Value, CellTone Tone = CellTone.Plain);
