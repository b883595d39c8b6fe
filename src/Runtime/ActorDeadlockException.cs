namespace DmaActors.Runtime;

/// <summary>
/// A blocking wait that can never finish: an actor blocking on itself, a cycle of actors
/// blocking on each other, or a quiescent system with nothing left that could produce the reply.
/// </summary>
public sealed class ActorDeadlockException(string message, Exception? inner = null) : ActorException(message, inner);
