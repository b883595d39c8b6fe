using Akka.Actor;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime;

/// <summary>Shorthands for the <see cref="SimulatedWorld"/> of a system or of an actor.</summary>
public static class SimulationExtensions
{
    /// <summary>The simulated world of <paramref name="system"/>.</summary>
    public static SimulatedWorld Simulation(this ActorSystem system) => SimulatedWorld.Of(system);

    /// <summary><see cref="SimulatedWorld.Advance"/> on <paramref name="system"/>'s world.</summary>
    public static void Advance(this ActorSystem system, Duration duration) => SimulatedWorld.Of(system).Advance(duration);

    /// <summary><see cref="SimulatedWorld.RunUntilIdle"/> on <paramref name="system"/>'s world.</summary>
    public static void RunUntilIdle(this ActorSystem system) => SimulatedWorld.Of(system).RunUntilIdle();

    /// <summary><see cref="SimulatedWorld.RunUntil"/> on <paramref name="system"/>'s world.</summary>
    public static RunOutcome RunUntil(this ActorSystem system, Func<bool> condition, Duration timeout) => SimulatedWorld.Of(system).RunUntil(condition, timeout);

    /// <summary>
    /// <see cref="SimulatedWorld.AskBlocking{T}"/> on the world of the system <paramref name="target"/>
    /// lives in: sends <paramref name="message"/> and returns the reply, never from inside an actor.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not a local actor of a simulated system.</exception>
    public static T AskBlocking<T>(this IActorRef target, object message, Duration? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var system = target is ActorRefWithCell local
            ? local.Underlying.System
            : throw new ArgumentException($"{target.Path} is not a local actor; ask through SimulatedWorld.AskBlocking.", nameof(target));
        return SimulatedWorld.Of(system).AskBlocking<T>(target, message, timeout);
    }
}
