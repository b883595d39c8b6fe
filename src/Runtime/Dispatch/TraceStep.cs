namespace DmaActors.Runtime.Dispatch;

/// <summary>One step of a deterministic schedule: which actor handled which kind of message, when.</summary>
/// <param name="Step">The step number, from 1.</param>
/// <param name="TimeNanoseconds">Virtual (or real) time of the step.</param>
/// <param name="ActorPath">The actor that ran.</param>
/// <param name="MessageType">The type of message it handled (kernel messages start with <c>sys:</c>).</param>
public readonly record struct TraceStep(long Step, long TimeNanoseconds, string ActorPath, string MessageType)
{
    /// <inheritdoc/>
    public override string ToString() => $"#{Step} t={TimeNanoseconds}ns {ActorPath} <- {MessageType}";
}
