namespace DmaActors.Runtime;

/// <summary>An ask went to an actor that had already stopped, so no reply can come.</summary>
public sealed class AskRecipientStoppedException(string message, Exception? inner = null) : ActorException(message, inner);
