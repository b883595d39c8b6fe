using DmaActors.Runtime.Time;

namespace DmaActors.Runtime.Supervision;

/// <summary>
/// How a parent treats a failing child: a decider that maps an exception to a
/// <see cref="Directive"/>, a restart budget, and whether the decision applies to the one child
/// (<see cref="OneForOneStrategy"/>) or to all its siblings (<see cref="AllForOneStrategy"/>).
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    /// <param name="decider">Maps a failure to a directive; <see cref="DefaultDecider"/> when null.</param>
    /// <param name="maxRestarts">Restarts allowed within <paramref name="window"/>; negative means unlimited.</param>
    /// <param name="window">The sliding window for <paramref name="maxRestarts"/>; infinite when null.</param>
    /// <param name="childDecider">When set, decides instead of <paramref name="decider"/>, knowing which child failed.</param>
    protected SupervisorStrategy(Func<Exception, Directive>? decider, int maxRestarts, Duration? window, Func<IActorRef, Exception, Directive>? childDecider = null)
    {
        Decider = decider ?? DefaultDecider;
        ChildDecider = childDecider;
        MaxRestarts = maxRestarts;
        Window = window ?? Duration.Infinite;
    }

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>
    /// A decider that also sees which child failed (a supervisor whose children keep different
    /// kinds of state may resume one kind and restart another); null to use <see cref="Decider"/>.
    /// </summary>
    public Func<IActorRef, Exception, Directive>? ChildDecider { get; }

    /// <summary>The directive for <paramref name="child"/> failing with <paramref name="cause"/>.</summary>
    public Directive Decide(IActorRef child, Exception cause) => ChildDecider?.Invoke(child, cause) ?? Decider(cause);

    /// <summary>Restarts allowed within <see cref="Window"/> before a restart becomes a stop; negative is unlimited.</summary>
    public int MaxRestarts { get; }

    /// <summary>The window the restart budget counts in.</summary>
    public Duration Window { get; }

    /// <summary>Whether a decision applies to every child rather than just the failing one.</summary>
    public abstract bool AppliesToAllChildren { get; }

    /// <summary>
    /// Akka.NET's default: stop on <see cref="ActorInitializationException"/>,
    /// <see cref="ActorKilledException"/> and <see cref="DeathPactException"/>; restart on anything else.
    /// </summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one with the default decider and no restart limit.</summary>
    public static SupervisorStrategy Default { get; } = new OneForOneStrategy();

    /// <summary>Stops the failing child whatever the failure.</summary>
    public static SupervisorStrategy Stopping { get; } = new OneForOneStrategy(_ => Directive.Stop);
}
