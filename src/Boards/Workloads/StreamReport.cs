namespace DmaActors.Boards.Workloads;

/// <summary>What one stream did during a run.</summary>
/// <param name="Name">The stream's label.</param>
/// <param name="Channel">The channel it ran on (<c>dma0chan3</c>).</param>
/// <param name="Controller">The controller's device name.</param>
/// <param name="Kind">Slave, cyclic or memcpy.</param>
/// <param name="Bytes">Bytes transferred by completed transfers (cyclic: by completed periods).</param>
/// <param name="Transfers">Completed transfers (cyclic: periods).</param>
/// <param name="BytesPerSecond">Achieved bandwidth over the run (virtual time).</param>
/// <param name="DemandBytesPerSecond">What the stream could use: the device's wire rate, or the bus peak for memcpy.</param>
/// <param name="LatencyP50Microseconds">Median submit-to-callback latency.</param>
/// <param name="LatencyP99Microseconds">99th percentile latency.</param>
/// <param name="LatencyMaxMicroseconds">Worst latency.</param>
/// <param name="Underruns">Device underruns (TX FIFO empty when the wire needed data).</param>
/// <param name="Overruns">Device overruns (RX FIFO full when the wire delivered).</param>
/// <param name="Errors">Transfers that ended with a DMA error result.</param>
/// <param name="Mismatches">Bytes that did not match the expected data (integrity); -1 when the device lost bytes to overruns, which makes the check meaningless.</param>
public sealed record StreamReport(
    string Name,
    string Channel,
    string Controller,
    StreamKind Kind,
    long Bytes,
    long Transfers,
    double BytesPerSecond,
    double DemandBytesPerSecond,
    double LatencyP50Microseconds,
    double LatencyP99Microseconds,
    double LatencyMaxMicroseconds,
    long Underruns,
    long Overruns,
    long Errors,
    long Mismatches)
{
    /// <summary>
    /// Bytes completed in each interval of the measured window, in order, each
    /// <see cref="WorkloadReport.BucketNanoseconds"/> long: bandwidth over time, in a fixed number
    /// of buckets however long the run.
    /// </summary>
    public IReadOnlyList<long> BytesPerBucket { get; init; } = [];
}
