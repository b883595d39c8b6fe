using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Devices;

namespace DmaActors.Actors.Tracing;

/// <summary>
/// Turns hardware trace records into waveform edges: each DRQ line (high from request to
/// acknowledge or flush), each physical channel's busy line (descriptor start to end, abort or
/// preemption) and grant line, and the bus-grant vector (the channel holding the bus, z when idle).
/// </summary>
public static class WaveformSignals
{
    /// <summary>The edges, ordered by time (stable: same-time edges keep trace order).</summary>
    public static IReadOnlyList<SignalChange> From(IEnumerable<HardwareTraceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var changes = new List<SignalChange>();
        var physicalOfVirtual = new Dictionary<string, int>(StringComparer.Ordinal);
        var drqHigh = new HashSet<int>();
        foreach (var record in records)
        {
            long t = record.TimeNanoseconds;
            switch (record.Event)
            {
                case DrqRaised raised when drqHigh.Add(raised.Line):
                    changes.Add(new SignalChange(t, $"drq{raised.Line}", 1, 1));
                    break;
                case DrqAcknowledged ack when drqHigh.Remove(ack.Line):
                    changes.Add(new SignalChange(t, $"drq{ack.Line}", 0, 1));
                    break;
                case FlushRequests flush when drqHigh.Remove(flush.Line):
                    changes.Add(new SignalChange(t, $"drq{flush.Line}", 0, 1));
                    break;
                case PhysicalChannelAssigned assigned:
                    physicalOfVirtual[record.ActorPath] = assigned.Channel;
                    break;
                case StartDescriptor when ChannelIndex(record.ActorPath) is { } channel:
                    changes.Add(new SignalChange(t, $"ch{channel}_busy", 1, 1));
                    break;
                case DescriptorFinished or AbortTransferReply or TransferPreempted when physicalOfVirtual.TryGetValue(record.ActorPath, out int channel):
                    changes.Add(new SignalChange(t, $"ch{channel}_busy", 0, 1));
                    break;
                case BusGranted grant:
                    long endsAt = t + (grant.DurationNanoseconds * grant.Bursts);
                    changes.Add(new SignalChange(t, "bus_grant", grant.Channel, 8));
                    changes.Add(new SignalChange(endsAt, "bus_grant", -1, 8));
                    changes.Add(new SignalChange(t, $"ch{grant.Channel}_grant", 1, 1));
                    changes.Add(new SignalChange(endsAt, $"ch{grant.Channel}_grant", 0, 1));
                    break;
            }
        }
        // A grant that starts when the previous one ends: the new value wins at that instant.
        return [.. changes.Select((c, i) => (c, i)).OrderBy(x => x.c.TimeNanoseconds).ThenBy(x => x.c.Value >= 0 ? 1 : 0).ThenBy(x => x.i).Select(x => x.c)];
    }

    /// <summary>The index of a physical channel actor named <c>.../ch{N}</c>.</summary>
    private static int? ChannelIndex(string path)
    {
        int slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        return name.StartsWith("ch", StringComparison.Ordinal) && int.TryParse(name.AsSpan(2), out int index) ? index : null;
    }
}
