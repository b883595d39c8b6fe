namespace DmaActors.Boards.Workloads;

/// <summary>One run of an arbitration study: a policy at a load.</summary>
/// <param name="Policy">The arbitration policy.</param>
/// <param name="VirtualChannels">Channels in use (3 device streams + bulk memcpy channels).</param>
/// <param name="PhysicalChannels">Physical channels they share.</param>
/// <param name="Report">What happened.</param>
public sealed record ArbitrationPoint(string Policy, int VirtualChannels, int PhysicalChannels, WorkloadReport Report)
{
    /// <summary>The UART receive stream's 99th-percentile latency, µs (the latency-sensitive client).</summary>
    public double UartP99Microseconds => Stream("uart").LatencyP99Microseconds;

    /// <summary>Audio underruns.</summary>
    public long AudioUnderruns => Stream("audio").Underruns;

    /// <summary>
    /// Jain's fairness among the bulk memcpy channels, which all want the whole bus: 1 when they
    /// share it evenly, 1/n when one channel takes it all.
    /// </summary>
    public double Fairness => WorkloadReport.Jain([.. Report.Streams.Where(s => s.Kind == StreamKind.Memcpy).Select(s => s.BytesPerSecond)]);

    /// <summary>Fraction of the run the bus was busy.</summary>
    public double BusBusy => Report.Controllers.Single().BusUtilisation;

    /// <summary>All streams' bandwidth, MB/s.</summary>
    public double TotalMegabytesPerSecond => Report.Streams.Sum(s => s.BytesPerSecond) / 1e6;

    /// <summary>The bus's peak bandwidth, bytes/s (what a memcpy stream demands: all of it).</summary>
    public double BusPeakBytesPerSecond => Report.Streams.Where(s => s.Kind == StreamKind.Memcpy).Select(s => s.DemandBytesPerSecond).DefaultIfEmpty(0).Max();

    /// <summary>All streams' bandwidth as a fraction of the bus's peak.</summary>
    public double FractionOfPeak => BusPeakBytesPerSecond > 0 ? Report.Streams.Sum(s => s.BytesPerSecond) / BusPeakBytesPerSecond : 0;

    private StreamReport Stream(string name) => Report.Streams.First(s => s.Name == name);
}
