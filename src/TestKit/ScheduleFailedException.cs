using DmaActors.Runtime.Dispatch;

namespace DmaActors.TestKit;

/// <summary>A test body failed under one seed of the deterministic dispatcher; the message says how to replay it.</summary>
public sealed class ScheduleFailedException(ulong seed, ScheduleTrace trace, Exception cause, string message) : Exception(message, cause)
{
    /// <summary>The seed that fails.</summary>
    public ulong Seed { get; } = seed;

    /// <summary>The steps of the failing run (the last ones).</summary>
    public ScheduleTrace Trace { get; } = trace;
}
