using DmaActors.Api;

namespace DmaActors.DmaTest;

/// <summary>
/// The dmatest module parameters (contract 5.1), snapshotted when a run starts (T-1). Names are the
/// kernel's, in C# casing; defaults are the kernel's.
/// </summary>
/// <remarks>
/// Kernel: <c>struct dmatest_params</c> filled from the module parameters of
/// <c>drivers/dma/dmatest.c</c>. <c>xor_sources</c>, <c>pq_sources</c>, <c>nobounce</c>, <c>run</c>,
/// <c>wait</c> and <c>test_list</c> are not modelled: a call to <see cref="DmaTestRunner.Run(DmaEngine, DmaTestParameters, TextWriter)"/>
/// is one <c>run=1</c> followed by <c>wait</c>.
/// </remarks>
public sealed record DmaTestParameters
{
    /// <summary>Kernel: <c>test_buf_size</c>: bytes of each source and destination buffer.</summary>
    public int TestBufSize { get; init; } = 16384;

    /// <summary>Kernel: <c>channel</c>: the channel name (e.g. <c>dma0chan0</c>); "" takes any (T-2).</summary>
    public string Channel { get; init; } = "";

    /// <summary>Kernel: <c>device</c>: <c>dev_name</c> of the DMA device; "" takes any (T-2).</summary>
    public string Device { get; init; } = "";

    /// <summary>Kernel: <c>threads_per_chan</c>: threads per channel per operation type (T-3).</summary>
    public int ThreadsPerChan { get; init; } = 1;

    /// <summary>Kernel: <c>max_channels</c>: channel limit; 0 takes all (T-2).</summary>
    public int MaxChannels { get; init; }

    /// <summary>
    /// Kernel: <c>iterations</c>: tests per thread. The kernel's 0 (run until stopped) cannot be
    /// stopped from outside a synchronous call, so the simulator refuses it: set a value above 0.
    /// </summary>
    public int Iterations { get; init; }

    /// <summary>Kernel: <c>dmatest</c>: 0 runs memcpy threads, 1 memset threads (T-3).</summary>
    public int Dmatest { get; init; }

    /// <summary>Kernel: <c>timeout</c>: ms of the system's clock to wait for each transfer; -1 waits forever (T-8).</summary>
    public int Timeout { get; init; } = 3000;

    /// <summary>Kernel: <c>noverify</c>: skip buffer fill and verification (T-12).</summary>
    public bool Noverify { get; init; }

    /// <summary>Kernel: <c>norandom</c>: len = buffer size, offsets 0 (T-6).</summary>
    public bool Norandom { get; init; }

    /// <summary>Kernel: <c>verbose</c>: print "test passed" result lines (T-14).</summary>
    public bool Verbose { get; init; }

    /// <summary>Kernel: <c>alignment</c>: alignment shift (2^alignment bytes); -1 uses the device's <c>copy_align</c>/<c>fill_align</c> (T-6).</summary>
    public int Alignment { get; init; } = -1;

    /// <summary>Kernel: <c>transfer_size</c>: fixed transfer length, must be below the buffer size; 0 picks lengths (T-6).</summary>
    public int TransferSize { get; init; }

    /// <summary>Kernel: <c>polled</c>: poll with <c>dma_sync_wait</c> instead of a callback (T-8).</summary>
    public bool Polled { get; init; }

    /// <summary>Seed of the generator that replaces the kernel's <c>get_random_bytes</c>; each thread derives its own stream from it (simulator only).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Physical address of the test buffers (simulator only); null places them at the top of the
    /// engine's highest RAM region.
    /// </summary>
    public ulong? BufferBase { get; init; }

    /// <summary>Checks what the simulator cannot run; the kernel's own setup errors (T-5, T-6) are reported by the threads instead.</summary>
    /// <returns>Null when runnable, else the reason.</returns>
    public string? Validate()
    {
        if (TestBufSize <= 0) return $"test_buf_size {TestBufSize}: must be above 0";
        if (ThreadsPerChan < 0) return $"threads_per_chan {ThreadsPerChan}: must not be negative";
        if (MaxChannels < 0) return $"max_channels {MaxChannels}: must not be negative";
        if (Iterations <= 0) return $"iterations {Iterations}: the simulator needs a bounded run (iterations > 0); the kernel's 0 means until 'run' is cleared";
        if (Dmatest is not (0 or 1)) return $"dmatest {Dmatest}: 0 (memcpy) or 1 (memset)";
        if (Timeout < -1) return $"timeout {Timeout}: ms, or -1 for infinite";
        if (Alignment is < -1 or > 30) return $"alignment {Alignment}: -1 or a shift 0..30";
        if (TransferSize < 0) return $"transfer_size {TransferSize}: must not be negative";
        return null;
    }
}
