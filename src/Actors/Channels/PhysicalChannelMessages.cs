using DmaActors.Actors.Tracing;

namespace DmaActors.Actors.Channels;

// Everything a physical channel is told, and what it answers. Its virtual channel starts, pauses,
// resumes and aborts descriptors on it; the arbiter grants it the bus (single bursts or trains),
// binds its request line, routes DRQs to it and may ask for it back (preemption). What it reports
// to its virtual channel unasked (DescriptorFinished, PeriodElapsed, TransferPreempted) is in the
// virtual channel's catalogue.

/// <summary>Virtual → physical channel: execute <see cref="Run"/> (from its current position).</summary>
/// <param name="Run">The descriptor's execution state.</param>
public sealed record StartDescriptor(DescriptorRun Run) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"start desc{Run.DescriptorId} cookie {Run.Cookie} {Run.Spec.Kind} {Run.Spec.TotalBytes}B";
}

/// <summary>Virtual → physical channel: stop at the next burst boundary, keeping the position. Reply: <see cref="PauseTransferReply"/>.</summary>
public sealed record PauseTransfer
{
    /// <summary>The one instance.</summary>
    public static readonly PauseTransfer Instance = new();
}

/// <summary>Reply: paused at a burst boundary.</summary>
/// <param name="DescriptorId">The descriptor held, or -1 if the channel was idle.</param>
/// <param name="Residue">Bytes not yet moved.</param>
public sealed record PauseTransferReply(long DescriptorId, long Residue);

/// <summary>Virtual → physical channel: continue a paused transfer. Reply: <see cref="ResumeTransferReply"/>.</summary>
public sealed record ResumeTransfer
{
    /// <summary>The one instance.</summary>
    public static readonly ResumeTransfer Instance = new();
}

/// <summary>Reply: resumed.</summary>
/// <param name="DescriptorId">The descriptor held, or -1 if the channel was idle.</param>
public sealed record ResumeTransferReply(long DescriptorId);

/// <summary>Virtual → physical channel: abandon the descriptor at the burst boundary. Reply: <see cref="AbortTransferReply"/>.</summary>
public sealed record AbortTransfer
{
    /// <summary>The one instance.</summary>
    public static readonly AbortTransfer Instance = new();
}

/// <summary>Reply: abandoned at a burst boundary after moving <see cref="BytesMoved"/> bytes.</summary>
/// <param name="DescriptorId">The descriptor abandoned, or -1 if the channel was idle.</param>
/// <param name="BytesMoved">Bytes moved (in the current pass, for cyclic).</param>
public sealed record AbortTransferReply(long DescriptorId, long BytesMoved) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"abort desc{DescriptorId} after {BytesMoved}B";
}

/// <summary>Arbiter → physical channel: hand your descriptor back at the next burst boundary (quantum expired, others wait).</summary>
public sealed record PreemptTransfer
{
    /// <summary>The one instance.</summary>
    public static readonly PreemptTransfer Instance = new();
}

/// <summary>
/// Arbiter → physical channel: the bus is yours for one burst of <see cref="Bytes"/>, lasting
/// <see cref="DurationNanoseconds"/> from now; or, when <see cref="Bursts"/> &gt; 1, for that many
/// back-to-back bursts (a train, ended by <see cref="BusTrainEnded"/>). Answers <c>RequestBus</c>.
/// </summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="Bytes">Burst size granted.</param>
/// <param name="DurationNanoseconds">Bus time of one burst; on the virtual clock it starts the instant the grant is made.</param>
public sealed record BusGranted(int Channel, int Bytes, long DurationNanoseconds) : IHardwareEvent
{
    /// <summary>Bursts granted at once (1 unless coalesced).</summary>
    public int Bursts { get; init; } = 1;

    /// <inheritdoc/>
    public string Describe() => Bursts == 1 ? $"grant ch{Channel} {Bytes}B" : $"grant ch{Channel} {Bursts}x{Bytes}B";
}

/// <summary>
/// Arbiter → physical channel: your train is over after its first <see cref="Bursts"/> bursts (cut
/// because something else needs the arbiter, or run to its end): move their data now. When
/// <see cref="RequestKept"/>, the arbiter holds your next request already, as it would have under
/// per-burst arbitration.
/// </summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="Bursts">Bursts of the train that were granted.</param>
/// <param name="RequestKept">Whether the arbiter registered the channel's next request on its behalf.</param>
public sealed record BusTrainEnded(int Channel, int Bursts, bool RequestKept);

/// <summary>Arbiter → physical channel: <see cref="Line"/> is bound to you under <see cref="Generation"/>; serve requests stamped with it (answers <c>BindRequestLine</c>).</summary>
/// <param name="Line">The request line.</param>
/// <param name="Generation">The binding's number.</param>
public sealed record LineBound(int Line, long Generation)
{
    /// <summary>The FIFO register address of the device wired to the line, if known: the descriptor's device address must be it (DA-1).</summary>
    public ulong? FifoAddress { get; init; }
}
