using Akka.Actor;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime.Tests;

/// <summary>A simulated world attached to an ActorSystem a user already has: its actors live on virtual time beside the user's ordinary ones.</summary>
public sealed class AttachTests
{
    [Fact]
    public async Task Actors_on_the_attached_dispatcher_run_on_virtual_time_beside_the_users_own()
    {
        using var system = ActorSystem.Create("users-own", "akka.loglevel = WARNING\nakka.stdout-loglevel = OFF");
        var world = Simulation.Attach(system);
        var timed = world.ActorOf(Props.Create(() => new Timed(world.Clock)), "timed");
        var plain = system.ActorOf(Props.Create(() => new Plain()), "plain");

        timed.Tell("start");
        world.Advance(Duration.FromMicroseconds(3));

        Assert.Equal(3_000L, world.AskBlocking<long>(timed, "when"));
        Assert.Equal("pong", await plain.Ask<string>("ping", TimeSpan.FromSeconds(10)));
        Assert.Same(world, system.Simulation());
        Assert.Equal("/user/dmactors-world/timed", timed.Path.ToStringWithoutAddress());
        await system.Terminate();
    }

    private sealed class Timed : ReceiveActor
    {
        public Timed(IClock clock)
        {
            long firedAt = -1;
            Receive<string>(s => s == "start", _ => clock.Schedule(Duration.FromNanoseconds(3_000), self => ((IActorRef)self!).Tell("fired"), Self));
            Receive<string>(s => s == "fired", _ => firedAt = clock.NowNanoseconds);
            Receive<string>(s => s == "when", _ => Sender.Tell(firedAt));
        }
    }

    private sealed class Plain : ReceiveActor
    {
        public Plain() => Receive<string>(_ => Sender.Tell("pong"));
    }
}
