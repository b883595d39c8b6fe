using DmaActors.Runtime.Supervision;

namespace DmaActors.Runtime.Events;

/// <summary>Published on the event stream when a supervisor has decided what to do with a failed child.</summary>
/// <param name="Child">The actor that threw.</param>
/// <param name="Cause">What it threw.</param>
/// <param name="Directive">What its supervisor decided.</param>
public sealed record ActorFailed(IActorRef Child, Exception Cause, Directive Directive);
