namespace DmaActors.Boards.Workloads;

/// <summary>One stream of a workload (a JSON object in the workload file).</summary>
public sealed record WorkloadStream
{
    /// <summary>Slave/cyclic: the consumer's device name or path (e.g. <c>48030000.spi</c>).</summary>
    public string? Consumer { get; init; }

    /// <summary>Slave/cyclic: the <c>dma-names</c> entry (e.g. <c>rx0</c>).</summary>
    public string? Channel { get; init; }

    /// <summary>Memcpy: the controller's device name (e.g. <c>49000000.edma</c>); null for any memcpy-capable one.</summary>
    public string? Controller { get; init; }

    /// <summary>What to do.</summary>
    public StreamKind Kind { get; init; } = StreamKind.Slave;

    /// <summary>Bytes per transfer (for cyclic, the ring size).</summary>
    public int Bytes { get; init; } = 4096;

    /// <summary>Cyclic: bytes per period.</summary>
    public int PeriodBytes { get; init; } = 1024;

    /// <summary>Transfers kept in flight.</summary>
    public int QueueDepth { get; init; } = 2;

    /// <summary>Stop after this many transfers (0: run until the workload ends).</summary>
    public int Count { get; init; }

    /// <summary>A label for reports; derived from the stream when null.</summary>
    public string? Name { get; init; }

    /// <summary>The label used in reports.</summary>
    public string Label => Name ?? (Kind == StreamKind.Memcpy ? $"memcpy@{Controller ?? "any"}" : $"{Consumer}:{Channel}");
}
