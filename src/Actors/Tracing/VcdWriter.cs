using System.Globalization;

namespace DmaActors.Actors.Tracing;

/// <summary>
/// Writes waveform edges as a Value Change Dump (IEEE 1364 VCD, timescale 1 ns), which GTKWave
/// opens: DRQ lines, channel busy and grant lines, and the bus-grant vector.
/// </summary>
public static class VcdWriter
{
    /// <summary>Writes <paramref name="changes"/> (ordered by time) to <paramref name="output"/>.</summary>
    public static void Write(IReadOnlyList<SignalChange> changes, TextWriter output, string scope = "dma")
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(output);
        var signals = changes.Select(c => (c.Signal, c.Width)).Distinct().OrderBy(s => s.Signal, StringComparer.Ordinal).ToList();
        var ids = signals.Select((s, i) => (s.Signal, Id: Identifier(i))).ToDictionary(x => x.Signal, x => x.Id, StringComparer.Ordinal);
        output.WriteLine("$version DmaActors $end");
        output.WriteLine("$timescale 1ns $end");
        output.WriteLine($"$scope module {scope} $end");
        foreach (var (signal, width) in signals) output.WriteLine($"$var wire {width} {ids[signal]} {signal} $end");
        output.WriteLine("$upscope $end");
        output.WriteLine("$enddefinitions $end");
        output.WriteLine("#0");
        output.WriteLine("$dumpvars");
        foreach (var (signal, width) in signals) output.WriteLine(Value(-1, width) + (width == 1 ? "" : " ") + ids[signal]);
        output.WriteLine("$end");
        long time = 0;
        foreach (var change in changes)
        {
            if (change.TimeNanoseconds != time)
            {
                time = change.TimeNanoseconds;
                output.WriteLine("#" + time.ToString(CultureInfo.InvariantCulture));
            }
            output.WriteLine(Value(change.Value, change.Width) + (change.Width == 1 ? "" : " ") + ids[change.Signal]);
        }
    }

    private static string Value(long value, int width)
    {
        if (width == 1) return value switch { < 0 => "z", 0 => "0", _ => "1" };
        return value < 0 ? "bz" : "b" + Convert.ToString(value, 2);
    }

    /// <summary>Short printable identifiers, '!' to '~', then two characters.</summary>
    private static string Identifier(int index)
    {
        const int first = 33, count = 94;
        return index < count ? ((char)(first + index)).ToString() : ((char)(first + (index / count) - 1)).ToString() + (char)(first + (index % count));
    }
}
