using System.Collections.Concurrent;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// Virtual time moves only at global quiescence, on both dispatchers: on the thread pool the
/// in-flight counter detects it, on the deterministic dispatcher the empty ready set.
/// </summary>
public sealed class QuiescenceTests
{
    public static TheoryData<DispatcherKind> Dispatchers => new() { DispatcherKind.ThreadPool, DispatcherKind.Deterministic };

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void Virtual_time_does_not_move_until_every_message_of_the_current_instant_is_handled(DispatcherKind dispatcher)
    {
        using var system = ActorSystem.Create("q", new ActorSystemSettings { Dispatcher = dispatcher, Clock = ClockKind.Virtual });
        var log = new ConcurrentQueue<(string Event, long At)>();
        var pong = system.ActorOf(Props.Create(() => new Recorder(log, null)), "pong");
        var ping = system.ActorOf(Props.Create(() => new Recorder(log, pong)), "ping");
        var timed = system.ActorOf(Props.Create(() => new TimedStarter(ping, log)), "timed");
        timed.Tell("arm");

        system.Advance(Duration.FromMilliseconds(5));

        var events = log.ToArray();
        var bursts = events.Where(e => e.Event == "burst").ToArray();
        Assert.Equal(2 * 2_000, bursts.Length);
        // Every message of the burst started at 1 ms was handled at 1 ms, before the 2 ms timer.
        Assert.All(bursts, e => Assert.Equal(1_000_000, e.At));
        int lastBurst = Array.FindLastIndex(events, e => e.Event == "burst");
        int second = Array.FindIndex(events, e => e.Event == "second");
        Assert.True(second > lastBurst, "the 2 ms timer fired while the 1 ms burst was still in flight");
        Assert.Equal(2_000_000, events[second].At);
        Assert.Equal(Duration.FromMilliseconds(5), system.Clock.Now);
    }

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void RunUntilIdle_handles_everything_runnable_without_moving_the_clock(DispatcherKind dispatcher)
    {
        using var system = ActorSystem.Create("q", new ActorSystemSettings { Dispatcher = dispatcher, Clock = ClockKind.Virtual });
        var log = new ConcurrentQueue<(string Event, long At)>();
        var pong = system.ActorOf(Props.Create(() => new Recorder(log, null)));
        var ping = system.ActorOf(Props.Create(() => new Recorder(log, pong)));
        var timed = system.ActorOf(Props.Create(() => new TimedStarter(ping, log)));
        timed.Tell("arm");
        for (int i = 0; i < 10; i++) ping.Tell(new Burst(1));

        system.RunUntilIdle();

        Assert.Equal(20, log.Count(e => e.Event == "burst"));
        Assert.Equal(Duration.Zero, system.Clock.Now);
        Assert.DoesNotContain(log, e => e.Event == "second");
    }

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void RunUntil_reports_idle_at_once_when_nothing_is_left_to_run(DispatcherKind dispatcher)
    {
        using var system = ActorSystem.Create("q", new ActorSystemSettings { Dispatcher = dispatcher, Clock = ClockKind.Virtual });
        system.ActorOf(Props.Create(() => new EchoActor()));
        var outcome = system.RunUntil(() => false, Duration.FromSeconds(3600));
        Assert.Equal(RunOutcome.Idle, outcome);
        Assert.Equal(Duration.Zero, system.Clock.Now);
    }

    private sealed record Burst(int Remaining);

    /// <summary>Records each burst message with the virtual time it was handled at, and bounces it to a partner.</summary>
    private sealed class Recorder : Actor
    {
        public Recorder(ConcurrentQueue<(string, long)> log, IActorRef? partner) =>
            Receive<Burst>(b =>
            {
                log.Enqueue(("burst", Context.Clock.NowNanoseconds));
                if (partner is not null) partner.Tell(b);
            });
    }

    /// <summary>At 1 ms starts a burst of 2,000 messages (each echoed once); at 2 ms records "second".</summary>
    private sealed class TimedStarter : Actor
    {
        public TimedStarter(IActorRef ping, ConcurrentQueue<(string, long)> log)
        {
            Receive<string>(s => s == "arm", _ =>
            {
                Context.Timers.StartSingleTimer("second", "second", Duration.FromMilliseconds(2));
                Context.Timers.StartSingleTimer("first", "first", Duration.FromMilliseconds(1));
            });
            Receive<string>(s => s == "first", _ =>
            {
                for (int i = 0; i < 2_000; i++) ping.Tell(new Burst(i));
            });
            Receive<string>(s => s == "second", _ => log.Enqueue(("second", Context.Clock.NowNanoseconds)));
        }
    }
}
