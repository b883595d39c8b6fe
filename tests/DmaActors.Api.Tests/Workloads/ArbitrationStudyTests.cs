using DmaActors.Boards.Workloads;

namespace DmaActors.Api.Tests.Workloads;

public sealed class ArbitrationStudyTests
{
    [Fact]
    public void Fixed_priority_lets_one_bulk_channel_take_the_bus_while_round_robin_shares_it_evenly()
    {
        var points = ArbitrationStudy.Run(["round-robin", "fixed-priority"], [8], physicalChannels: 8, milliseconds: 1);
        var roundRobin = points.Single(p => p.Policy == "round-robin");
        var fixedPriority = points.Single(p => p.Policy == "fixed-priority");
        // Five memcpy channels on five physical channels, all saturating.
        Assert.True(roundRobin.Fairness > 0.99, $"round-robin fairness {roundRobin.Fairness}");
        Assert.True(fixedPriority.Fairness < 0.3, $"fixed-priority fairness {fixedPriority.Fairness}");
        Assert.All(points, p => Assert.True(p.BusBusy > 0.99, $"{p.Policy}: bus busy {p.BusBusy}"));
        Assert.All(points, p => Assert.Equal(0, p.AudioUnderruns));
    }

    [Fact]
    public void The_csv_has_a_header_and_a_row_per_point()
    {
        var points = ArbitrationStudy.Run(["weighted-round-robin"], [4, 6], physicalChannels: 4, milliseconds: 0.5);
        using var text = new StringWriter();
        ArbitrationStudy.WriteCsv(points, text);
        var lines = text.ToString().TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("policy,virtual_channels,physical_channels,total_mb_s,fraction_of_peak", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("weighted-round-robin,6,4,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_channel_csv_has_a_row_per_stream_with_its_share_of_the_bus_peak_and_latency_percentiles()
    {
        var points = ArbitrationStudy.Run(["round-robin"], [5], physicalChannels: 8, milliseconds: 1);
        using var text = new StringWriter();
        ArbitrationStudy.WriteChannelCsv(points, text);
        var rows = text.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r').Split(',')).ToList();

        Assert.Equal("latency_p50_us", rows[0][9]);
        Assert.Equal(1 + 5, rows.Count); // UART, MMC, audio, two memcpy channels
        Assert.Equal(["uart", "mmc", "audio", "memcpy0", "memcpy1"], rows.Skip(1).Select(r => r[3]));
        double shares = rows.Skip(1).Sum(r => double.Parse(r[7], System.Globalization.CultureInfo.InvariantCulture));
        // Together the streams use what the bus gives: its busy fraction of the peak, within rounding.
        Assert.InRange(shares, points[0].BusBusy - 0.02, points[0].BusBusy + 0.001);
        Assert.Equal(points[0].FractionOfPeak, shares, 3);
        var memcpy = rows.Single(r => r[3] == "memcpy0");
        Assert.True(double.Parse(memcpy[9], System.Globalization.CultureInfo.InvariantCulture) <= double.Parse(memcpy[10], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_unknown_policy_name_is_refused_naming_the_node_and_the_names_known()
    {
        var failure = Assert.Throws<DmaException>(() => ArbitrationStudy.Run(["lottery"], [4], 2, 0.1));
        Assert.Contains("lottery", failure.Message, StringComparison.Ordinal);
        Assert.Contains("round-robin", failure.Message, StringComparison.Ordinal);
    }
}
