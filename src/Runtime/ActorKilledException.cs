namespace DmaActors.Runtime;

/// <summary>Thrown in an actor that received <see cref="Kill"/>; the default supervisor stops it.</summary>
public sealed class ActorKilledException(string message, Exception? inner = null) : ActorException(message, inner);
