namespace DmaActors.DmaTest;

/// <summary>What one dmatest thread did: its counts, rates and every line it printed.</summary>
/// <remarks>Kernel: the counters of <c>dmatest_func()</c> behind its summary line (T-15).</remarks>
public sealed record DmaTestThreadResult
{
    /// <summary>Kernel: <c>current-&gt;comm</c>: <c>&lt;chan&gt;-copy&lt;i&gt;</c> or <c>&lt;chan&gt;-set&lt;i&gt;</c>, cut to 15 characters (T-3).</summary>
    public required string Name { get; init; }

    /// <summary>Kernel: <c>dma_chan_name(chan)</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>Kernel: <c>total_tests</c>.</summary>
    public uint Tests { get; init; }

    /// <summary>Kernel: <c>failed_tests</c>.</summary>
    public uint Failures { get; init; }

    /// <summary>Kernel: <c>total_len</c>: bytes of all transfers attempted.</summary>
    public ulong TotalLen { get; init; }

    /// <summary>Kernel: <c>runtime</c>: µs of the system's clock, fill and compare time excluded.</summary>
    public long RuntimeUs { get; init; }

    /// <summary>Kernel: <c>iops</c> in 8-bit fixed point (see <see cref="DmaTestFixedPoint"/>).</summary>
    public ulong IopsFixedPoint { get; init; }

    /// <summary>Tests per second (<see cref="IopsFixedPoint"/> / 256).</summary>
    public double Iops => IopsFixedPoint / 256.0;

    /// <summary>Kernel: <c>dmatest_KBs(runtime, total_len)</c>.</summary>
    public ulong KBs { get; init; }

    /// <summary>Kernel: <c>ret</c>: 0, or the setup error (e.g. -12).</summary>
    public int Ret { get; init; }

    /// <summary>The summary line, "dmatest: " prefix included.</summary>
    public required string Summary { get; init; }

    /// <summary>Every line this thread printed (mismatches, results, summary), prefix included.</summary>
    public required IReadOnlyList<string> Lines { get; init; }
}
