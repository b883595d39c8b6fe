using System.Text.Json;
using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Tests.Devices;
using DmaActors.Actors.Tracing;
using DmaActors.Actors.Transfers;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Tracing;

/// <summary>Waveforms (VCD, for GTKWave) and timelines (Chrome trace events, for Perfetto) from a real run.</summary>
public sealed class WaveformWriterTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private IReadOnlyList<HardwareTraceRecord> RunUartReceive() => TracedUartReceive.Run(Sys);

    [Fact]
    public void Signals_show_drq_high_until_served_and_the_channel_busy_from_start_to_end()
    {
        var changes = WaveformSignals.From(RunUartReceive());
        var drq = changes.Where(c => c.Signal == "drq2").ToList();
        Assert.True(drq.Count >= 8);
        // Edges alternate: raised, served, raised, served ...
        Assert.All(drq.Select((c, i) => (c, i)), x => Assert.Equal(x.i % 2 == 0 ? 1 : 0, x.c.Value));
        var busy = changes.Where(c => c.Signal == "ch0_busy").ToList();
        Assert.Equal([1L, 0L], busy.Select(c => c.Value));
        var grants = changes.Where(c => c.Signal == "bus_grant").ToList();
        Assert.Equal(8, grants.Count);
        Assert.True(changes.Zip(changes.Skip(1)).All(p => p.First.TimeNanoseconds <= p.Second.TimeNanoseconds));
        // The channel is busy before its first grant and idle after its last burst ended.
        Assert.True(busy[0].TimeNanoseconds <= grants[0].TimeNanoseconds && busy[1].TimeNanoseconds >= grants[^1].TimeNanoseconds);
    }

    [Fact]
    public void The_vcd_declares_every_signal_and_dumps_edges_in_time_order()
    {
        var changes = WaveformSignals.From(RunUartReceive());
        using var text = new StringWriter();
        VcdWriter.Write(changes, text);
        var vcd = text.ToString();
        Output?.WriteLine(string.Join('\n', vcd.Split('\n').Take(30)));
        Assert.Contains("$timescale 1ns $end", vcd, StringComparison.Ordinal);
        foreach (var signal in changes.Select(c => c.Signal).Distinct()) Assert.Contains($" {signal} $end", vcd, StringComparison.Ordinal);
        var times = vcd.Split('\n').Where(l => l.StartsWith('#')).Select(l => long.Parse(l[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderBy(t => t), times);
        Assert.Equal(times.Distinct().Count(), times.Count);
        Assert.Contains("$enddefinitions $end", vcd, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chrome_trace_is_valid_json_with_bursts_descriptors_and_requests()
    {
        var records = RunUartReceive();
        using var stream = new MemoryStream();
        ChromeTraceWriter.Write(records, stream);
        using var document = JsonDocument.Parse(stream.ToArray());
        var events = document.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        Assert.Equal(4, events.Count(e => e.GetProperty("name").GetString() == "burst" && e.GetProperty("dur").GetDouble() > 0));
        Assert.Single(events, e => e.GetProperty("ph").GetString() == "B");
        Assert.Single(events, e => e.GetProperty("ph").GetString() == "E");
        Assert.True(events.Count(e => e.GetProperty("ph").GetString() == "i") >= 4);
        Assert.All(events, e => Assert.Equal(1, e.GetProperty("pid").GetInt32()));
    }
}
