namespace DmaActors.Actors.Tracing;

/// <summary>One hardware event as the tracer saw it.</summary>
/// <param name="TimeNanoseconds">Virtual time of the event.</param>
/// <param name="ActorPath">The actor that received it (the unit the event happened at).</param>
/// <param name="Event">The event.</param>
public sealed record HardwareTraceRecord(long TimeNanoseconds, string ActorPath, IHardwareEvent Event)
{
    /// <inheritdoc/>
    public override string ToString() => $"{TimeNanoseconds}ns {ActorPath}: {Event.Describe()}";
}
