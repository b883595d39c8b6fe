namespace DmaActors.Runtime;

/// <summary>A user message with who sent it. A struct, so a Tell allocates nothing beyond the message.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
