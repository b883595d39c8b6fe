namespace DmaActors.Boards.Workloads;

/// <summary>What a workload stream does with its channel.</summary>
public enum StreamKind
{
    /// <summary>Slave transfers of <c>bytes</c> each, <c>queueDepth</c> in flight, each completion callback submitting the next (a driver's receive or transmit loop).</summary>
    Slave,

    /// <summary>One cyclic transfer over a ring of <c>bytes</c> split into periods of <c>periodBytes</c> (audio), running until the end.</summary>
    Cyclic,

    /// <summary>Memory-to-memory copies of <c>bytes</c> each, <c>queueDepth</c> in flight, back to back (bulk load).</summary>
    Memcpy,
}
