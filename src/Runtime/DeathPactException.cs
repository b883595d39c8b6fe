namespace DmaActors.Runtime;

/// <summary>A watcher did not handle <see cref="Terminated"/> for an actor it watched; the default supervisor stops it.</summary>
public sealed class DeathPactException(string message, Exception? inner = null) : ActorException(message, inner);
