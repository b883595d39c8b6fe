namespace DmaActors.Runtime.Cells;

/// <summary>A ref that knows its system (every ref the kernel makes), so <c>Ask</c> can find the clock and settings.</summary>
internal interface IInternalActorRef : IActorRef
{
    ActorSystem System { get; }
}
