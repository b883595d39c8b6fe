using Akka.Actor;

namespace DmaActors.Runtime;

/// <summary>
/// Props that make an actor by calling a factory, for actors whose constructor is not public
/// (Akka's <c>Props.Create(() =&gt; new T(...))</c> reads the expression and calls a public
/// constructor by reflection). The factory runs at every start and restart, so state it captures
/// outlives a crash of the actor.
/// </summary>
public static class FactoryProps
{
    /// <summary>Props for <typeparamref name="TActor"/> made by <paramref name="create"/>.</summary>
    public static Props Of<TActor>(Func<TActor> create)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(create);
        return Props.CreateBy(new Producer<TActor>(create));
    }

    private sealed class Producer<TActor>(Func<TActor> create) : IIndirectActorProducer
        where TActor : ActorBase
    {
        public Type ActorType => typeof(TActor);

        public ActorBase Produce() => create();

        public void Release(ActorBase actor)
        {
        }
    }
}
