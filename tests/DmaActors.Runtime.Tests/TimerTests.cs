using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// Actor timers on the virtual clock: exact firing times, time order, periodic timers, cancel and
/// replace (also of a message that has already fired), cancellation on stop and restart, and the
/// rule that time moves only once every actor is out of work.
/// </summary>
public sealed class TimerTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private static readonly Duration Quiet = Duration.FromMilliseconds(100);

    private VirtualClock Clock => (VirtualClock)Sys.Clock;

    [Fact]
    public void A_single_timer_fires_exactly_when_its_delay_has_passed()
    {
        var probe = CreateTestProbe();
        var timers = TimerActorFor(probe);
        var delay = Duration.FromMicroseconds(250);
        long start = Sys.Clock.NowNanoseconds;
        timers.Tell(new StartSingle("k", "ping", delay));

        probe.ExpectNoMsg(delay - Duration.FromNanoseconds(1));
        var fired = probe.ExpectMsg<FiredAt>();

        Assert.Equal("ping", fired.Message);
        Assert.Equal(start + delay.Nanoseconds, fired.At);
        Assert.Equal(start + delay.Nanoseconds, Sys.Clock.NowNanoseconds);
        probe.ExpectNoMsg(Quiet); // a single timer fires once
    }

    [Fact]
    public void Timers_fire_in_time_order_whatever_order_they_were_started_in()
    {
        var probe = CreateTestProbe();
        var timers = TimerActorFor(probe);
        timers.Tell(new StartSingle("c", "c", Duration.FromMilliseconds(30)));
        timers.Tell(new StartSingle("a", "a", Duration.FromMilliseconds(10)));
        timers.Tell(new StartSingle("b", "b", Duration.FromMilliseconds(20)));

        var fired = probe.ReceiveN(3).Cast<FiredAt>().ToList();

        Assert.Equal(["a", "b", "c"], fired.Select(f => f.Message));
        Assert.Equal([10_000_000L, 20_000_000L, 30_000_000L], fired.Select(f => f.At));
    }

    [Fact]
    public void Timers_of_different_actors_fire_in_time_order()
    {
        var probe = CreateTestProbe();
        var late = TimerActorFor(probe, "late");
        var early = TimerActorFor(probe, "early");
        late.Tell(new StartSingle("k", "late", Duration.FromMilliseconds(2)));
        early.Tell(new StartSingle("k", "early", Duration.FromMilliseconds(1)));

        Assert.Equal(new FiredAt("early", 1_000_000), probe.ExpectMsg<FiredAt>());
        Assert.Equal(new FiredAt("late", 2_000_000), probe.ExpectMsg<FiredAt>());
    }

    [Fact]
    public void A_periodic_timer_fires_every_interval_until_cancelled()
    {
        var probe = CreateTestProbe();
        var timers = TimerActorFor(probe);
        timers.Tell(new StartPeriodic("p", "tick", Duration.FromMilliseconds(10)));

        Advance(Duration.FromMilliseconds(55));

        var ticks = probe.ReceiveN(5).Cast<FiredAt>().ToList();
        Assert.All(ticks, t => Assert.Equal("tick", t.Message));
        Assert.Equal([10_000_000L, 20_000_000L, 30_000_000L, 40_000_000L, 50_000_000L], ticks.Select(t => t.At));
        Assert.False(probe.HasMessages);

        timers.Tell(new CancelTimer("p"));
        probe.ExpectNoMsg(Duration.FromMilliseconds(100));
        Assert.Equal(0, Clock.PendingTimers);
    }

    [Fact]
    public void A_periodic_timer_with_an_initial_delay_fires_first_after_it()
    {
        var probe = CreateTestProbe();
        var timers = TimerActorFor(probe);
        timers.Tell(new StartPeriodic("p", "tick", Duration.FromMilliseconds(10), Duration.FromMilliseconds(3)));

        Advance(Duration.FromMilliseconds(25));

        Assert.Equal([3_000_000L, 13_000_000L, 23_000_000L], probe.ReceiveN(3).Cast<FiredAt>().Select(t => t.At));
    }

    [Fact]
    public void Cancel_before_the_timer_fires_means_no_message()
    {
        var probe = CreateTestProbe();
        var timers = TimerActorFor(probe);
        timers.Tell(new StartSingle("k", "never", Duration.FromMilliseconds(10)));
        timers.Tell(new CancelTimer("k"));
        probe.Send(timers, new IsActive("k"));

        probe.ExpectMsg(false);
        probe.ExpectNoMsg(Duration.FromMilliseconds(50));
    }

    [Fact]
    public void Starting_a_timer_under_an_active_key_replaces_it()
    {
        var probe = CreateTestProbe();
        var timers = TimerActorFor(probe);
        timers.Tell(new StartSingle("k", "old", Duration.FromMilliseconds(10)));
        timers.Tell(new StartSingle("k", "new", Duration.FromMilliseconds(20)));

        Assert.Equal(new FiredAt("new", 20_000_000), probe.ExpectMsg<FiredAt>());
        probe.ExpectNoMsg(Duration.FromMilliseconds(50));
    }

    [Fact]
    public void Replace_drops_a_message_of_the_old_timer_that_has_already_fired()
    {
        var probe = CreateTestProbe();
        var timers = TimerActorFor(probe);
        var delayer = Sys.ActorOf(Props.Create(() => new DelayedReplyActor(Duration.FromMilliseconds(20))), "delayer");
        timers.Tell(new StartSingle("k", "old", Duration.FromMilliseconds(10)));
        // Blocked in an ask until 20 ms, the actor cannot handle "old" when it fires at 10 ms; by
        // the time it could, the key has a new timer, and the old message must be dropped.
        timers.Tell(new BlockThen(delayer, scheduler => scheduler.StartSingleTimer("k", "new", Duration.FromMilliseconds(5))));

        var unblocked = probe.ExpectMsg<Unblocked>();
        Assert.True(unblocked.KeyWasActive, "the fired but unhandled timer should still count as active");
        Assert.Equal(20_000_000, unblocked.At);
        Assert.Equal(new FiredAt("new", 25_000_000), probe.ExpectMsg<FiredAt>());
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Cancel_drops_a_message_of_the_timer_that_has_already_fired()
    {
        var probe = CreateTestProbe();
        var timers = TimerActorFor(probe);
        var delayer = Sys.ActorOf(Props.Create(() => new DelayedReplyActor(Duration.FromMilliseconds(20))), "delayer");
        timers.Tell(new StartSingle("k", "old", Duration.FromMilliseconds(10)));
        timers.Tell(new BlockThen(delayer, scheduler => scheduler.Cancel("k")));

        probe.ExpectMsg<Unblocked>();
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Stopping_an_actor_cancels_its_timers()
    {
        var probe = CreateTestProbe();
        var timers = TimerActorFor(probe);
        timers.Tell(new StartSingle("single", "single", Duration.FromMilliseconds(10)));
        timers.Tell(new StartPeriodic("periodic", "periodic", Duration.FromMilliseconds(5)));
        RunUntilIdle();
        Assert.Equal(2, Clock.PendingTimers);

        Sys.Stop(timers);
        RunUntilIdle();

        Assert.Equal(0, Clock.PendingTimers);
        probe.ExpectNoMsg(Duration.FromMilliseconds(50));
    }

    [Fact]
    public void Restarting_an_actor_cancels_its_timers()
    {
        var probe = CreateTestProbe();
        var timers = TimerActorFor(probe);
        timers.Tell(new StartSingle("single", "single", Duration.FromMilliseconds(10)));
        timers.Tell(new StartPeriodic("periodic", "periodic", Duration.FromMilliseconds(5)));
        timers.Tell(new Fail(new InvalidOperationException("boom")));

        probe.ExpectMsg("restarted");
        Assert.Equal(0, Clock.PendingTimers);
        probe.Send(timers, new IsActive("single"));
        probe.ExpectMsg(false);
        probe.ExpectNoMsg(Duration.FromMilliseconds(50));
    }

    [Fact]
    public void Virtual_time_stands_still_while_actors_still_have_work()
    {
        var probe = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new BurstActor(probe.Ref, 1000)), "burst");

        var report = probe.ExpectMsg<BurstReport>();

        // The burst started at 10 ms; the next timer, 1 ns later, fired only after all of it.
        Assert.Equal(1000, report.HandledBeforeNextTimer);
        Assert.Equal([10_000_000L], report.HandledAt);
        Assert.True(report.InOrder);
        Assert.Equal(10_000_001, report.NextTimerAt);
    }

    private IActorRef TimerActorFor(TestProbe probe, string name = "timers") =>
        Sys.ActorOf(Props.Create(() => new TimerActor(probe.Ref)), name);

    private sealed record StartSingle(object Key, object Message, Duration Delay);

    private sealed record StartPeriodic(object Key, object Message, Duration Interval, Duration? InitialDelay = null);

    private sealed record CancelTimer(object Key);

    private sealed record IsActive(object Key);

    private sealed record BlockThen(IActorRef Delayer, Action<ITimerScheduler> Then);

    private sealed record Unblocked(bool KeyWasActive, long At);

    private sealed record FiredAt(object Message, long At);

    private sealed record BurstReport(int HandledBeforeNextTimer, IReadOnlyList<long> HandledAt, bool InOrder, long NextTimerAt);

    /// <summary>
    /// Starts, cancels and queries its timers on command and reports every other message (the
    /// timers' messages) with the virtual time it handled it at.
    /// </summary>
    private sealed class TimerActor : Actor
    {
        private readonly IActorRef _reporter;

        public TimerActor(IActorRef reporter)
        {
            _reporter = reporter;
            Receive<StartSingle>(s => Context.Timers.StartSingleTimer(s.Key, s.Message, s.Delay));
            Receive<StartPeriodic>(s => Context.Timers.StartPeriodicTimer(s.Key, s.Message, s.Interval, s.InitialDelay));
            Receive<CancelTimer>(c => Context.Timers.Cancel(c.Key));
            Receive<IsActive>(q => Sender.Tell(Context.Timers.IsTimerActive(q.Key)));
            Receive<BlockThen>(b =>
            {
                b.Delayer.AskBlocking<string>("go", Duration.FromSeconds(1));
                bool wasActive = Context.Timers.IsTimerActive("k");
                b.Then(Context.Timers);
                _reporter.Tell(new Unblocked(wasActive, Context.Clock.NowNanoseconds));
            });
            Receive<Fail>(fail => throw fail.Cause);
            ReceiveAny(message => _reporter.Tell(new FiredAt(message, Context.Clock.NowNanoseconds)));
        }

        protected override void PostRestart(Exception reason) => _reporter.Tell("restarted");
    }

    /// <summary>
    /// At 10 ms sends itself <c>count</c> messages; at 10 ms + 1 ns reports how many it had
    /// handled by then, and at which virtual times.
    /// </summary>
    private sealed class BurstActor : Actor
    {
        public BurstActor(IActorRef reporter, int count)
        {
            var handledAt = new SortedSet<long>();
            int handled = 0;
            bool inOrder = true;
            Receive<string>(text => text == "burst", _ =>
            {
                for (int i = 0; i < count; i++) Self.Tell(i);
            });
            Receive<int>(i =>
            {
                inOrder &= i == handled;
                handled++;
                handledAt.Add(Context.Clock.NowNanoseconds);
            });
            Receive<string>(text => text == "next", _ => reporter.Tell(new BurstReport(handled, [.. handledAt], inOrder, Context.Clock.NowNanoseconds)));
        }

        protected override void PreStart()
        {
            Context.Timers.StartSingleTimer("next", "next", Duration.FromNanoseconds(10_000_001));
            Context.Timers.StartSingleTimer("burst", "burst", Duration.FromMilliseconds(10));
        }
    }
}
