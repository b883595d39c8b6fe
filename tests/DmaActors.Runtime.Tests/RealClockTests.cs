using Akka.Actor;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;

namespace DmaActors.Runtime.Tests;

/// <summary>The stress mode: the counting thread pool on wall time, with Akka's own scheduler and real nanosecond timers.</summary>
public sealed class RealClockTests
{
    [Fact]
    public void Wall_time_timers_fire_and_RunUntilIdle_waits_for_quiescence()
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Clock = ClockKind.Real });
        int fired = 0;
        scope.World.Clock.Schedule(Duration.FromMilliseconds(1), _ => Interlocked.Increment(ref fired), null);
        var sink = scope.System.ActorOf(Props.Create(() => new Sink()), "sink");
        for (int i = 0; i < 1_000; i++) sink.Tell(i);

        Assert.Equal(RunOutcome.ConditionMet, scope.World.RunUntil(() => Volatile.Read(ref fired) == 1, Duration.FromSeconds(30)));
        scope.World.RunUntilIdle();

        Assert.Equal(1_000, scope.World.AskBlocking<int>(sink, "count"));
        Assert.False(scope.World.Clock.IsVirtual);
    }

    [Fact]
    public void The_deterministic_dispatcher_refuses_the_real_clock()
    {
        var error = Assert.Throws<ArgumentException>(() => Simulation.Create("bad", new SimulationSettings { Dispatcher = DispatcherKind.Deterministic, Clock = ClockKind.Real }));

        Assert.Contains("runs on the virtual clock", error.Message, StringComparison.Ordinal);
    }

    private sealed class Sink : ReceiveActor
    {
        public Sink()
        {
            int count = 0;
            Receive<int>(_ => count++);
            Receive<string>(_ => Sender.Tell(count));
        }
    }
}
