namespace DmaActors.Runtime;

/// <summary>
/// Messages the kernel itself acts on when they reach the front of a mailbox (<see cref="PoisonPill"/>,
/// <see cref="Kill"/>, timer and death-watch deliveries). One base class, so telling them apart from
/// user messages costs a single type check per message.
/// </summary>
public abstract class AutoReceivedMessage
{
    private protected AutoReceivedMessage() { }
}
