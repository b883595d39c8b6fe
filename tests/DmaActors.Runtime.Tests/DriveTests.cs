using Akka.Actor;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>Advance, RunUntil and RunUntilIdle: virtual time moves only at quiescence, ends exactly where asked, and driving from the world's own threads is refused.</summary>
public sealed class DriveTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    public static TheoryData<DispatcherKind> Dispatchers => [DispatcherKind.Deterministic, DispatcherKind.ThreadPool];

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void Advance_ends_exactly_at_its_target_and_RunUntilIdle_does_not_move_time(DispatcherKind dispatcher)
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Dispatcher = dispatcher });
        scope.World.Clock.Schedule(Duration.FromNanoseconds(1_234), _ => { }, null);

        scope.World.Advance(Duration.FromNanoseconds(1_000));
        Assert.Equal(1_000, scope.World.Clock.NowNanoseconds);
        scope.World.RunUntilIdle();
        Assert.Equal(1_000, scope.World.Clock.NowNanoseconds);
        scope.World.Advance(Duration.FromNanoseconds(1_000));
        Assert.Equal(2_000, scope.World.Clock.NowNanoseconds);
    }

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void Time_moves_only_after_every_message_of_the_current_instant_is_handled(DispatcherKind dispatcher)
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Dispatcher = dispatcher });
        var seen = new List<(long Hop, long At)>();
        var relay = scope.System.ActorOf(Props.Create(() => new Relay(scope.World.Clock, seen)), "relay");
        scope.World.Clock.Schedule(Duration.FromMicroseconds(5), _ => seen.Add((-1, scope.World.Clock.NowNanoseconds)), null);

        relay.Tell(2_000L);
        scope.World.Advance(Duration.FromMicroseconds(10));

        Assert.Equal(2_001, seen.Count);
        Assert.All(seen.Take(2_000), s => Assert.Equal(0, s.At));
        Assert.Equal((-1L, 5_000L), seen[^1]);
    }

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void RunUntil_on_a_world_with_nothing_left_returns_idle_without_moving_time(DispatcherKind dispatcher)
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Dispatcher = dispatcher });

        Assert.Equal(RunOutcome.Idle, scope.World.RunUntil(static () => false, Duration.FromSeconds(10)));
        Assert.Equal(0, scope.World.Clock.NowNanoseconds);
    }

    [Fact]
    public void A_RunUntil_condition_that_throws_on_a_pool_thread_is_rethrown_to_the_caller()
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Dispatcher = DispatcherKind.ThreadPool });
        var ticker = scope.System.ActorOf(Props.Create(() => new Ticker()), "ticker");
        int calls = 0;

        var error = Assert.Throws<FormatException>(() => scope.World.RunUntil(() =>
        {
            if (Interlocked.Increment(ref calls) > 3) throw new FormatException("bad condition");
            return false;
        }, Duration.FromSeconds(1)));

        Assert.Equal("bad condition", error.Message);
        Assert.NotNull(ticker);
    }

    [Fact]
    public void Advance_from_inside_an_actor_is_refused()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Advancer(probe.Ref)), "advancer");

        actor.Tell("go");

        var error = probe.ExpectMsg<ActorDeadlockException>(Duration.FromMilliseconds(1));
        Assert.Contains("Advance was called from inside actor", error.Message, StringComparison.Ordinal);
    }

    private sealed class Relay : ReceiveActor
    {
        public Relay(IClock clock, List<(long, long)> seen) => Receive<long>(left =>
        {
            lock (seen) seen.Add((left, clock.NowNanoseconds));
            if (left > 1) Self.Tell(left - 1);
        });
    }

    private sealed class Ticker : ReceiveActor, IWithTimers
    {
        public Ticker() => Receive<string>(_ => { });

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartPeriodicTimer("t", "tick", TimeSpan.FromMicroseconds(1));
    }

    private sealed class Advancer : ReceiveActor
    {
        public Advancer(IActorRef probe) => Receive<string>(_ =>
        {
            try
            {
                Context.System.Advance(Duration.FromSeconds(1));
            }
            catch (ActorDeadlockException e)
            {
                probe.Tell(e);
            }
        });
    }
}
