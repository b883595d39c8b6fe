namespace DmaActors.Runtime;

/// <summary>An actor misused its context (stashed a message twice, and the like).</summary>
public sealed class IllegalActorStateException(string message, Exception? inner = null) : ActorException(message, inner);
