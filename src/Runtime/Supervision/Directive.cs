namespace DmaActors.Runtime.Supervision;

/// <summary>What a supervisor does with a child that failed.</summary>
public enum Directive
{
    /// <summary>Keep the actor and its state; the failing message is dropped.</summary>
    Resume,

    /// <summary>Replace the actor instance; the mailbox is kept, the failing message is dropped.</summary>
    Restart,

    /// <summary>Stop the actor; what is left in its mailbox goes to dead letters.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same cause.</summary>
    Escalate,
}
