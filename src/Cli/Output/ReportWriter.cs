using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace DmaActors.Cli.Output;

/// <summary>Prints a <see cref="ReportDocument"/> on stdout as text, JSON or CSV.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static void Write(ReportDocument document, OutputSettings settings, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        switch (settings.Format)
        {
            case OutputFormat.Json:
                output.WriteLine(settings.WallTime && document.Timing is { } timing
                    ? WithTiming(JsonSerializer.SerializeToNode(document.Json, document.Json.GetType(), Json), timing).ToJsonString(Json)
                    : JsonSerializer.Serialize(document.Json, document.Json.GetType(), Json));
                break;
            case OutputFormat.Csv:
                CsvTable.Write(document.Tables.Single(t => t.Name == settings.CsvTable), output);
                break;
            default:
                WriteText(document, settings, output);
                break;
        }
    }

    private static void WriteText(ReportDocument document, OutputSettings settings, TextWriter output)
    {
        var console = Consoles.Create(output, settings.Colour);
        foreach (var line in document.Before) WriteLine(console, line, settings);
        // A table with no row says nothing to a reader (CSV still gets its header).
        foreach (var table in document.Tables.Where(t => t.Rows.Count > 0)) TextTables.Write(table, console, settings.Width, settings.Wide);
        foreach (var line in document.After) WriteLine(console, line, settings);
        if (settings.WallTime && document.Timing is { } timing) WriteLine(console, new ReportLine(timing.Whole.Describe(timing.What)), settings);
    }

    /// <summary>The JSON with the wall-time figures: a <c>Wall</c> object on an object; on a list, each element's own figures and nothing else.</summary>
    private static JsonNode WithTiming(JsonNode? json, ReportTiming timing)
    {
        switch (json)
        {
            case JsonObject whole:
                var wall = new JsonObject();
                timing.Whole.AddTo(wall);
                whole["Wall"] = wall;
                return whole;
            case JsonArray items:
                for (int i = 0; i < items.Count && i < (timing.PerItem?.Count ?? 0); i++)
                {
                    if (items[i] is JsonObject item) timing.PerItem![i].AddTo(item);
                }
                return items;
            default:
                return json!;
        }
    }

    /// <summary>A sentence, wrapped between words at the width (unless --wide).</summary>
    private static void WriteLine(IAnsiConsole console, ReportLine line, OutputSettings settings)
    {
        console.Profile.Width = settings.Wide ? Math.Max(settings.Width, line.Text.Length) : settings.Width;
        console.Write(new Paragraph(line.Text + "\n", Consoles.StyleOf(line.Tone)));
    }
}
