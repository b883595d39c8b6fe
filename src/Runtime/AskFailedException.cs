namespace DmaActors.Runtime;

/// <summary>The actor asked by <see cref="SimulatedWorld.AskBlocking{T}"/> answered with <c>Status.Failure</c>; the failure's cause is the inner exception.</summary>
public sealed class AskFailedException(string message, Exception? cause) : Exception(message, cause);
