using HdrHistogram;

namespace DmaActors.Boards.Workloads;

/// <summary>
/// A stream's submit-to-callback latencies, in virtual nanoseconds, kept in a fixed amount of
/// memory however long the run (an HdrHistogram; issue 13: a list of every latency grew about
/// 10 MB per virtual second). Count, minimum and maximum are exact; a percentile is the recorded
/// value of nearest rank (the smallest value with at least p·count values at or below it), read
/// to <see cref="SignificantDigits"/> significant digits: exact below 2^15 ns (32 µs), within
/// 1 part in 2^15 above (the bucket's middle: 32 ns at 1 ms), so reports printed to 0.1 µs
/// show the figures the exact list gave but for values on a rounding edge.
/// </summary>
/// <remarks>Not thread-safe: <see cref="RunningStream"/> records under its lock.</remarks>
internal sealed class LatencyHistogram
{
    /// <summary>
    /// Measured against the exact list (tour board with load.json, the default load, the demo,
    /// bench arbitration): 4 digits print every text-table figure as before and move 13 of about
    /// 200 CSV p50s by 0.1 µs (values on a rounding edge; error at most 0.012 µs), in 3.3 MB per
    /// stream with 64-bit counts (1.65 MB with the 32-bit counts used: no bucket of a run of at most
    /// 60 virtual seconds can pass 2^31 transfers); 5 digits move one, but take 23 MB per stream (bench arbitration: 2.1 GB RSS
    /// against 0.3 GB); 3 digits move a third of them by up to 0.3 µs.
    /// </summary>
    public const int SignificantDigits = 4;

    /// <summary>Longer than any run can be (a workload runs at most 60 s of virtual time): 2^37 ns, 137 s.</summary>
    public const long HighestTrackableNanoseconds = 1L << 37;

    private readonly IntHistogram _histogram = new(HighestTrackableNanoseconds, SignificantDigits);

    public long Count { get; private set; }

    public long MinNanoseconds { get; private set; }

    public long MaxNanoseconds { get; private set; }

    /// <summary>Memory the histogram holds: fixed when it is made, whatever is recorded.</summary>
    public long FootprintBytes => _histogram.GetEstimatedFootprintInBytes();

    /// <exception cref="ArgumentOutOfRangeException">A negative latency, or one past <see cref="HighestTrackableNanoseconds"/> (no run lasts that long).</exception>
    public void Record(long nanoseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nanoseconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nanoseconds, HighestTrackableNanoseconds);
        _histogram.RecordValue(nanoseconds);
        MinNanoseconds = Count == 0 ? nanoseconds : Math.Min(MinNanoseconds, nanoseconds);
        MaxNanoseconds = Count == 0 ? nanoseconds : Math.Max(MaxNanoseconds, nanoseconds);
        Count++;
    }

    /// <summary>
    /// The latency of nearest rank for <paramref name="fraction"/> (0.5 for the median), 0 when
    /// nothing was recorded. A value in a histogram bucket wider than 1 ns reads as the bucket's
    /// middle, kept within the exact minimum and maximum.
    /// </summary>
    public long Percentile(double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        if (Count == 0) return 0;
        long rank = Math.Max(1, (long)Math.Ceiling(fraction * Count));
        // The first and last ranks are known exactly (a p99 of fewer than 100 values is the worst).
        if (rank == 1) return MinNanoseconds;
        if (rank == Count) return MaxNanoseconds;
        foreach (var bucket in _histogram.RecordedValues())
        {
            if (bucket.TotalCountToThisValue < rank) continue;
            long middle = _histogram.MedianEquivalentValue(bucket.ValueIteratedTo);
            return Math.Clamp(middle, MinNanoseconds, MaxNanoseconds);
        }
        return MaxNanoseconds;
    }
}
