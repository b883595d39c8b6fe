using DmaActors.Runtime.Supervision;

namespace DmaActors.Runtime;

/// <summary>
/// An immutable recipe for an actor: how to make an instance (again on every restart) and how it
/// supervises its children.
/// </summary>
public sealed class Props
{
    private Props(Func<Actor> factory, Type actorType, SupervisorStrategy? supervisorStrategy)
    {
        Factory = factory;
        ActorType = actorType;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>Makes a fresh instance; called on the actor's own thread at start and at each restart.</summary>
    internal Func<Actor> Factory { get; }

    /// <summary>The type of actor this recipe makes.</summary>
    public Type ActorType { get; }

    /// <summary>How the actor supervises its children; when null, the actor's own override or the default.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>A recipe that calls the parameterless constructor of <typeparamref name="T"/>.</summary>
    public static Props Create<T>() where T : Actor, new() => new(static () => new T(), typeof(T), null);

    /// <summary>A recipe that calls <paramref name="factory"/>; it must return a new instance each time.</summary>
    public static Props Create<T>(Func<T> factory) where T : Actor
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(factory, typeof(T), null);
    }

    /// <summary>The same recipe supervising its children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new(Factory, ActorType, strategy);
    }
}
