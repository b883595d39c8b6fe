namespace DmaActors.Runtime;

/// <summary>An actor name is malformed or already taken among its siblings.</summary>
public sealed class InvalidActorNameException(string message, Exception? inner = null) : ActorException(message, inner);
