namespace DmaActors.Runtime;

/// <summary>An actor's constructor or <c>PreStart</c> threw; the default supervisor stops it.</summary>
public sealed class ActorInitializationException(string message, Exception? inner = null) : ActorException(message, inner);
