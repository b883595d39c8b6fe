namespace DmaActors.Runtime.Events;

/// <summary>Published on the event stream when a message could not be delivered (its recipient had stopped).</summary>
/// <param name="Message">What was sent.</param>
/// <param name="Sender">Who sent it, if known.</param>
/// <param name="Recipient">Who it was for.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
