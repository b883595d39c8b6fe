namespace DmaActors.Boards.Workloads;

/// <summary>The outcome of a workload run.</summary>
/// <param name="RunNanoseconds">Virtual time simulated.</param>
/// <param name="Streams">Per stream.</param>
/// <param name="Controllers">Per controller.</param>
public sealed record WorkloadReport(long RunNanoseconds, IReadOnlyList<StreamReport> Streams, IReadOnlyList<ControllerReport> Controllers)
{
    /// <summary>
    /// The length of each interval of <see cref="StreamReport.BytesPerBucket"/>, in nanoseconds of
    /// virtual time: the run cut in equal steps (a step may be a nanosecond longer when the run
    /// does not divide evenly).
    /// </summary>
    public long BucketNanoseconds { get; init; }

    /// <summary>Whether any stream saw a DMA error or a data mismatch (what makes the CLI exit 1).</summary>
    public bool HasVerificationFailures => Streams.Any(s => s.Errors > 0 || s.Mismatches > 0);

    /// <summary>Jain's fairness index of <paramref name="shares"/>: (Σx)² / (n·Σx²); 1 for an empty or all-zero set.</summary>
    public static double Jain(IReadOnlyCollection<double> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        double sum = shares.Sum(), squares = shares.Sum(x => x * x);
        return shares.Count == 0 || squares == 0 ? 1 : sum * sum / (shares.Count * squares);
    }
}
