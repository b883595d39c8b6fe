using DmaActors.Runtime.Time;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// RunUntil on the virtual clock stops at the instant its condition becomes true, on both
/// dispatchers; on the thread pool, where actor threads fire timers themselves while a drive is
/// running, no timer beyond that instant fires.
/// </summary>
public sealed class RunUntilTimeTests
{
    public static TheoryData<DispatcherKind> Dispatchers => new() { DispatcherKind.ThreadPool, DispatcherKind.Deterministic };

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void RunUntil_stops_at_the_instant_its_condition_holds_and_fires_no_later_timer(DispatcherKind dispatcher)
    {
        using var system = ActorSystem.Create("run-until", new ActorSystemSettings { Dispatcher = dispatcher, Clock = ClockKind.Virtual });
        var ticks = new Counter();
        system.ActorOf(Props.Create(() => new Ticker(ticks)), "ticker");

        var outcome = system.RunUntil(() => ticks.Value >= 1_000, Duration.FromSeconds(1));

        Assert.Equal(RunOutcome.ConditionMet, outcome);
        Assert.Equal(1_000, ticks.Value);
        Assert.Equal(Duration.FromMicroseconds(1_000), system.Clock.Now);

        // A later Advance goes on from there, tick by tick.
        system.Advance(Duration.FromMicroseconds(10));
        Assert.Equal(1_010, ticks.Value);
    }

    private sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }

    private sealed class Ticker : Actor
    {
        public Ticker(Counter ticks)
        {
            Receive<string>(_ => ticks.Increment());
        }

        protected override void PreStart() => Context.Timers.StartPeriodicTimer("tick", "tick", Duration.FromMicroseconds(1));
    }
}
