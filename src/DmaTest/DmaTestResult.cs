namespace DmaActors.DmaTest;

/// <summary>What a dmatest run did: the channels taken, the threads' results and every line printed.</summary>
/// <remarks>Kernel: what <c>dmesg</c> shows after <c>echo 1 &gt; run; cat wait</c>.</remarks>
public sealed record DmaTestResult
{
    /// <summary>Channel names taken, in the order added (T-2).</summary>
    public required IReadOnlyList<string> Channels { get; init; }

    /// <summary>Per thread, in the order they ran.</summary>
    public required IReadOnlyList<DmaTestThreadResult> Threads { get; init; }

    /// <summary>Every line printed, in order, prefix included.</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>The error the kernel's parameter write would return (<c>"EBUSY"</c>: the named channel could not be added, T-4), or null.</summary>
    public string? Errno { get; init; }

    /// <summary>Sum of the threads' failures.</summary>
    public long Failures => Threads.Sum(t => (long)t.Failures);

    /// <summary>Sum of the threads' tests.</summary>
    public long Tests => Threads.Sum(t => (long)t.Tests);
}
