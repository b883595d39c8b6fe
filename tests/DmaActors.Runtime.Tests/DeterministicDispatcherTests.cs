using DmaActors.Tests.Shared;
using Akka.Actor;
using Akka.Event;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// The deterministic dispatcher on Akka.NET: one message per step, a seeded choice among the
/// runnable mailboxes, the same trace for the same seed, and a world that runs only when driven.
/// </summary>
public sealed class DeterministicDispatcherTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_step_handles_exactly_one_user_message_on_the_pinned_Akka_version()
    {
        // Akka 1.5.75's Mailbox.ProcessMailbox would take two messages per run at throughput 1;
        // the dispatcher's one-tick throughput deadline makes it one. If an Akka upgrade breaks
        // that, this test names the cause.
        var counter = Sys.ActorOf(Props.Create(() => new Counter()), "counter");
        for (int i = 0; i < 10; i++) counter.Tell("inc");
        long before = World.Trace!.Steps;

        RunUntilIdle();

        // Ten messages, ten steps of the counter: a step that took two would leave five.
        var steps = World.Trace.Tail().Where(s => s.Step > before && s.ActorPath == "/user/counter" && s.MessageType == "String").ToList();
        Assert.Equal(10, steps.Count);
        Assert.Equal(new Version(1, 5, 75, 0), typeof(ActorSystem).Assembly.GetName().Version);
    }

    [Fact]
    public void A_held_world_runs_nothing_until_it_is_driven()
    {
        var counter = Sys.ActorOf(Props.Create(() => new Counter()), "counter");
        long before = World.Trace!.Steps;

        counter.Tell("inc");
        counter.Tell("inc");

        Assert.Equal(before, World.Trace.Steps);
        Assert.False(World.IsQuiescent);
        Assert.Equal(2, AskBlocking<int>(counter, "get"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_trace_and_other_seeds_other_schedules()
    {
        var fingerprints = new Dictionary<ulong, ulong>();
        var outcomes = new HashSet<int>();
        for (ulong seed = 1; seed <= 30; seed++)
        {
            var (first, value) = Run(seed);
            var (second, again) = Run(seed);
            Assert.Equal(first, second);
            Assert.Equal(value, again);
            fingerprints[seed] = first;
            outcomes.Add(value);
        }

        Assert.True(fingerprints.Values.Distinct().Count() > 5, $"Only {fingerprints.Values.Distinct().Count()} schedules over 30 seeds.");
        Assert.Equal([1, 2], outcomes.Order());
    }

    [Fact]
    public void The_systems_own_actors_and_its_logger_run_on_the_deterministic_dispatcher()
    {
        var probe = CreateTestProbe();
        var noisy = Sys.ActorOf(Props.Create(() => new Noisy()), "noisy");
        noisy.Tell("log", probe.Ref);

        probe.ExpectMsg<string>(Duration.FromMilliseconds(1));
        RunUntilIdle();

        Assert.Contains(World.Trace!.Tail(), s => s.ActorPath == "/user/noisy");
        Assert.Contains(World.Trace.Tail(), s => s.ActorPath.StartsWith("mailbox:", StringComparison.Ordinal) || s.ActorPath.StartsWith("/system", StringComparison.Ordinal));
    }

    [Fact]
    public void A_livelock_ends_with_the_seed_and_the_last_steps()
    {
        using var world = new SimulationScope("scope", SimulationSettings.Deterministic(3) with { MaxStepsPerRun = 1_000 });
        var spinner = world.System.ActorOf(Props.Create(() => new Spinner()), "spinner");
        spinner.Tell("spin");

        var error = Assert.Throws<ActorDeadlockException>(() => world.World.RunUntilIdle());

        Assert.Contains("Seed 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("/user/spinner <- String", error.Message, StringComparison.Ordinal);
    }

    private static (ulong Fingerprint, int Value) Run(ulong seed)
    {
        using var scope = new SimulationScope("scope", SimulationSettings.Deterministic(seed));
        int value = LostUpdateProgram.Run(scope.System);
        return (scope.World.Trace!.Fingerprint, value);
    }

    private sealed class Counter : ReceiveActor
    {
        public Counter()
        {
            int count = 0;
            Receive<string>(s => s == "inc", _ => count++);
            Receive<string>(s => s == "get", _ => Sender.Tell(count));
        }
    }

    private sealed class Noisy : ReceiveActor
    {
        public Noisy() => Receive<string>(_ =>
        {
            Context.GetLogger().Warning("a warning from {Actor}", Self.Path.Name);
            Sender.Tell("logged");
        });
    }

    private sealed class Spinner : ReceiveActor
    {
        public Spinner() => Receive<string>(s => Self.Tell(s));
    }
}
