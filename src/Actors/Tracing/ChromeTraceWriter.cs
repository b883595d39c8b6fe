using System.Text.Json;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Devices;

namespace DmaActors.Actors.Tracing;

/// <summary>
/// Writes hardware trace records in the Chrome trace-event format (JSON), which Perfetto and
/// chrome://tracing open: one track per physical channel with its bursts and descriptors, one per
/// DRQ line with its requests.
/// </summary>
public static class ChromeTraceWriter
{
    /// <summary>Writes <paramref name="records"/> to <paramref name="output"/>.</summary>
    public static void Write(IEnumerable<HardwareTraceRecord> records, Stream output)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("displayTimeUnit", "ns");
        json.WriteStartArray("traceEvents");
        var physicalOfVirtual = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            double us = record.TimeNanoseconds / 1000.0;
            switch (record.Event)
            {
                case BusGranted grant:
                    Event(json, "burst", "bus", "X", us, $"ch{grant.Channel}", grant.DurationNanoseconds * grant.Bursts / 1000.0, grant.Describe());
                    break;
                case StartDescriptor start:
                    Event(json, $"desc{start.Run.DescriptorId}", "descriptor", "B", us, Track(record.ActorPath), null, start.Describe());
                    break;
                case PhysicalChannelAssigned assigned:
                    physicalOfVirtual[record.ActorPath] = assigned.Channel;
                    break;
                case DescriptorFinished or AbortTransferReply or TransferPreempted when physicalOfVirtual.TryGetValue(record.ActorPath, out int channel):
                    Event(json, "", "descriptor", "E", us, $"ch{channel}", null, record.Event.Describe());
                    break;
                case DrqRaised raised:
                    Event(json, "drq", "drq", "i", us, $"drq{raised.Line}", null, raised.Describe());
                    break;
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Track(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static void Event(Utf8JsonWriter json, string name, string category, string phase, double timestamp, string track, double? duration, string detail)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteString("ph", phase);
        json.WriteNumber("ts", timestamp);
        if (duration is { } d) json.WriteNumber("dur", d);
        json.WriteNumber("pid", 1);
        json.WriteString("tid", track);
        if (phase == "i") json.WriteString("s", "t");
        json.WritePropertyName("args");
        json.WriteStartObject();
        json.WriteString("detail", detail);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
