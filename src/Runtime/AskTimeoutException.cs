namespace DmaActors.Runtime;

/// <summary>An ask got no reply in time.</summary>
public sealed class AskTimeoutException(string message, Exception? inner = null) : ActorException(message, inner);
