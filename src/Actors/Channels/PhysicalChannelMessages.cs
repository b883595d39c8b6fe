using DmaActors.Actors.Tracing;
using DmaActors.Actors.Transfers;

namespace DmaActors.Actors.Channels;

/// <summary>Virtual → physical channel: execute <see cref="Run"/> (from its current position).</summary>
/// <param name="Run">The descriptor's execution state.</param>
public sealed record StartDescriptor(DescriptorRun Run) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"start desc{Run.DescriptorId} cookie {Run.Cookie} {Run.Spec.Kind} {Run.Spec.TotalBytes}B";
}

/// <summary>Virtual → physical channel: stop at the next burst boundary, keeping the position.</summary>
public sealed record PauseTransfer
{
    /// <summary>The one instance.</summary>
    public static readonly PauseTransfer Instance = new();
}

/// <summary>Virtual → physical channel: continue a paused transfer.</summary>
public sealed record ResumeTransfer
{
    /// <summary>The one instance.</summary>
    public static readonly ResumeTransfer Instance = new();
}

/// <summary>Virtual → physical channel: abandon the descriptor at the burst boundary.</summary>
public sealed record AbortTransfer
{
    /// <summary>The one instance.</summary>
    public static readonly AbortTransfer Instance = new();
}

/// <summary>Physical → virtual channel: the descriptor has ended (its last burst's cycles are over).</summary>
/// <param name="DescriptorId">Which descriptor.</param>
/// <param name="Outcome">Result and residue.</param>
public sealed record DescriptorFinished(long DescriptorId, TransferOutcome Outcome) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"end desc{DescriptorId} {Outcome.Result} residue {Outcome.Residue}B";
}

/// <summary>Physical → virtual channel: a period of a cyclic descriptor has been moved.</summary>
/// <param name="DescriptorId">Which descriptor.</param>
public sealed record PeriodElapsed(long DescriptorId) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"period desc{DescriptorId}";
}

/// <summary>Physical → virtual channel: paused at a burst boundary.</summary>
/// <param name="DescriptorId">The descriptor held, or -1 if the channel was idle.</param>
/// <param name="Residue">Bytes not yet moved.</param>
public sealed record TransferPaused(long DescriptorId, long Residue);

/// <summary>Physical → virtual channel: resumed.</summary>
/// <param name="DescriptorId">The descriptor held, or -1 if the channel was idle.</param>
public sealed record TransferResumed(long DescriptorId);

/// <summary>Physical → virtual channel: abandoned at a burst boundary after moving <see cref="BytesMoved"/> bytes.</summary>
/// <param name="DescriptorId">The descriptor abandoned, or -1 if the channel was idle.</param>
/// <param name="BytesMoved">Bytes moved (in the current pass, for cyclic).</param>
public sealed record TransferAborted(long DescriptorId, long BytesMoved) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"abort desc{DescriptorId} after {BytesMoved}B";
}

/// <summary>Physical → virtual channel: handed back mid-descriptor (quantum expired); resume it on any physical channel.</summary>
/// <param name="Run">The descriptor's state, at a burst boundary.</param>
public sealed record TransferPreempted(DescriptorRun Run) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"preempt desc{Run.DescriptorId} at {Run.BytesMoved}B";
}
