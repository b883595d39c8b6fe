namespace DmaActors.Runtime.Cells;

/// <summary>A temporary ref that completes an ask; told when its question could not be delivered.</summary>
internal interface IPromiseRef : IInternalActorRef
{
    /// <summary>The question went to dead letters: fail the ask at once instead of waiting for its time-out.</summary>
    void RecipientStopped(IActorRef recipient, object message);
}
