namespace DmaActors.Runtime;

/// <summary>
/// The only handle to an actor: messages go in, nothing else gets out.
/// </summary>
/// <remarks>
/// Ordering guarantee (as in Akka.NET): messages from one sender to one receiver arrive in the
/// order they were sent. Nothing is promised across different senders.
/// </remarks>
public interface IActorRef
{
    /// <summary>Where the actor sits in the hierarchy, e.g. <c>/user/dma0/chan3</c>.</summary>
    string Path { get; }

    /// <summary>Sends <paramref name="message"/> without waiting; <paramref name="sender"/> is who a reply goes to.</summary>
    void Tell(object message, IActorRef? sender = null);
}
