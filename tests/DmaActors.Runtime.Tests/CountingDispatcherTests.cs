using Akka.Actor;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// The counting thread-pool dispatcher under load from many threads: virtual time moves only when
/// nothing is in flight, so every message sent at an instant is handled at that instant, and a
/// timer never fires while work of an earlier instant is still running.
/// </summary>
public sealed class CountingDispatcherTests
{
    [Fact]
    public void Messages_from_four_threads_are_all_handled_before_virtual_time_moves_past_them()
    {
        using var scope = new SimulationScope("counting", new SimulationSettings { Dispatcher = DispatcherKind.ThreadPool });
        var world = scope.World;
        var late = new List<long>();
        var echoes = Enumerable.Range(0, 8).Select(i => scope.System.ActorOf(Props.Create(() => new Stamper(world.Clock, late)), $"stamper{i}")).ToArray();
        const int PerThread = 20_000;

        var senders = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (int i = 0; i < PerThread; i++) echoes[(t + i) % echoes.Length].Tell(0L);
        })).ToList();
        senders.ForEach(s => s.Start());
        senders.ForEach(s => s.Join());
        world.Advance(Duration.FromMicroseconds(1));

        // Every message was sent at 0 and handled at 0: none waited for a later instant.
        long handled = echoes.Sum(e => world.AskBlocking<long>(e, "count"));
        Assert.Equal(4 * PerThread, handled);
        lock (late) Assert.Empty(late);
        Assert.Equal(1_000, world.Clock.NowNanoseconds);
    }

    [Fact]
    public void Chains_of_timers_and_messages_keep_their_instants_exact_on_the_thread_pool()
    {
        using var scope = new SimulationScope("chains", new SimulationSettings { Dispatcher = DispatcherKind.ThreadPool });
        var world = scope.World;
        var errors = new List<string>();
        var chains = Enumerable.Range(0, 16).Select(i => scope.System.ActorOf(Props.Create(() => new Chain(world.Clock, 37 + i, errors)), $"chain{i}")).ToArray();
        foreach (var chain in chains) chain.Tell("start");

        world.Advance(Duration.FromMicroseconds(500));

        lock (errors) Assert.Empty(errors);
        foreach (var (chain, i) in chains.Select((c, i) => (c, i)))
            Assert.Equal(500_000 / (37 + i), world.AskBlocking<long>(chain, "count"));
    }

    [Fact]
    public async Task A_terminated_world_leaves_no_trace_in_the_registry()
    {
        var system = Simulation.Create("short-lived", new SimulationSettings());
        var config = system.Settings.Config;
        Assert.NotNull(WorldRegistry.TryFind(config));

        await system.Terminate();

        Assert.Null(WorldRegistry.TryFind(config));
    }

    /// <summary>Counts messages; records any handled at another time than it was told at (all are sent at 0).</summary>
    private sealed class Stamper : ReceiveActor
    {
        public Stamper(IClock clock, List<long> late)
        {
            long count = 0;
            Receive<long>(sentAt =>
            {
                count++;
                if (clock.NowNanoseconds != sentAt)
                {
                    lock (late) late.Add(clock.NowNanoseconds);
                }
            });
            Receive<string>(_ => Sender.Tell(count));
        }
    }

    /// <summary>A nanosecond timer every <c>period</c> ns, each tick checked against the time it was due and answered by a hop through itself.</summary>
    private sealed class Chain : ReceiveActor
    {
        public Chain(IClock clock, long period, List<string> errors)
        {
            long count = 0, due = 0;
            var timer = clock.CreateTimer(self => ((IActorRef)self!).Tell("tick"), Self);
            Receive<string>(s => s == "start", _ =>
            {
                due = period;
                timer.Start(Duration.FromNanoseconds(period));
            });
            Receive<string>(s => s == "tick", _ =>
            {
                if (clock.NowNanoseconds != due)
                {
                    lock (errors) errors.Add($"tick due at {due} ran at {clock.NowNanoseconds}");
                }
                Self.Tell(due);
            });
            Receive<long>(at =>
            {
                // The hop runs at the same instant as the tick that sent it.
                if (clock.NowNanoseconds != at)
                {
                    lock (errors) errors.Add($"hop sent at {at} ran at {clock.NowNanoseconds}");
                }
                count++;
                due += period;
                timer.Start(Duration.FromNanoseconds(period));
            });
            Receive<string>(s => s == "count", _ => Sender.Tell(count));
        }
    }
}
