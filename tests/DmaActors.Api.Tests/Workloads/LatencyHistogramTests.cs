using DmaActors.Boards.Workloads;

namespace DmaActors.Api.Tests.Workloads;

/// <summary>A stream's latencies in a fixed amount of memory (issue 13), read as the exact list read them: the value of nearest rank.</summary>
public sealed class LatencyHistogramTests
{
    /// <summary>The nearest-rank percentile of a sorted list, as reports computed it before the histogram.</summary>
    private static long NearestRank(List<long> sorted, double fraction) =>
        sorted[Math.Min(sorted.Count - 1, Math.Max(1, (int)Math.Ceiling(fraction * sorted.Count)) - 1)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Percentiles_match_the_exact_nearest_rank_within_one_part_in_ten_thousand(int seed)
    {
        var random = new Random(seed);
        var histogram = new LatencyHistogram();
        var all = new List<long>();
        for (int i = 0; i < 20_000; i++)
        {
            // Latencies from hundreds of nanoseconds to tens of milliseconds, as boards show.
            long value = (long)Math.Exp(random.NextDouble() * Math.Log(50_000_000)) + random.Next(300);
            histogram.Record(value);
            all.Add(value);
        }
        all.Sort();
        foreach (double fraction in new[] { 0.0, 0.01, 0.5, 0.9, 0.99, 0.999, 1.0 })
        {
            long exact = NearestRank(all, fraction);
            long read = histogram.Percentile(fraction);
            Assert.True(Math.Abs(read - exact) <= Math.Max(1, exact / 10_000), $"p{fraction * 100}: {read} ns read, {exact} ns exact");
        }
        Assert.Equal(all[0], histogram.MinNanoseconds);
        Assert.Equal(all[^1], histogram.MaxNanoseconds);
        Assert.Equal(all.Count, histogram.Count);
    }

    [Fact]
    public void Small_latencies_are_exact_and_the_last_rank_is_the_exact_maximum()
    {
        var histogram = new LatencyHistogram();
        foreach (long value in new long[] { 2_777_400, 2_798_123, 1_000 }) histogram.Record(value);
        Assert.Equal(1_000, histogram.Percentile(0));
        Assert.Equal(2_798_123, histogram.Percentile(0.99)); // rank 3 of 3: the worst, not its bucket
        var small = new LatencyHistogram();
        for (long value = 0; value < 30_000; value += 7) small.Record(value);
        Assert.Equal(14_994, small.Percentile(0.5));
    }

    [Fact]
    public void Memory_is_fixed_however_many_latencies_are_recorded()
    {
        var histogram = new LatencyHistogram();
        long before = histogram.FootprintBytes;
        for (long i = 0; i < 1_000_000; i++) histogram.Record(i * 997 % 40_000_000);
        Assert.Equal(before, histogram.FootprintBytes);
        Assert.True(before < 4 << 20, $"{before} bytes");
    }

    [Fact]
    public void An_empty_histogram_reads_zero_and_a_latency_past_any_run_is_refused()
    {
        var histogram = new LatencyHistogram();
        Assert.Equal(0, histogram.Percentile(0.99));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Record(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Record(LatencyHistogram.HighestTrackableNanoseconds + 1));
    }
}
