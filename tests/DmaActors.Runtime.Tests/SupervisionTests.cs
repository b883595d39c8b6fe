using DmaActors.Runtime.Events;
using DmaActors.Runtime.Supervision;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// Supervision: the directives (Restart, Resume, Stop, Escalate), one-for-one against
/// all-for-one, the restart budget, the default decider, and the <see cref="ActorFailed"/> events.
/// A failure travels to the parent as a system message and the child waits, suspended, for the
/// decision; the tests queue everything before driving, so what is "behind" the failing message
/// is known exactly.
/// </summary>
public sealed class SupervisionTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private static readonly Duration Quiet = Duration.FromSeconds(1);

    [Fact]
    public void Restart_gives_PreRestart_the_cause_and_the_failing_message_then_runs_PostRestart()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(ReportingActor.PropsFor("a", probe.Ref), "a");
        var cause = new InvalidOperationException("boom");
        var failing = new Fail(cause);
        actor.Tell("m1");
        actor.Tell(failing);

        probe.ExpectMsg("a:prestart");
        probe.ExpectMsg("a:m1");
        var preRestart = probe.ExpectMsg<PreRestartSeen>();
        Assert.Same(cause, preRestart.Reason);
        Assert.Same(failing, preRestart.Message);
        probe.ExpectMsg("a:poststop"); // the default PreRestart ends with PostStop
        Assert.Same(cause, probe.ExpectMsg<PostRestartSeen>().Reason);
        probe.ExpectMsg("a:prestart"); // the default PostRestart calls PreStart
    }

    [Fact]
    public void Restart_keeps_the_mailbox_and_drops_the_failing_message()
    {
        var failures = FailureEvents();
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(ReportingActor.PropsFor("a", probe.Ref), "a");
        // Queued before the actor runs at all: m2 and m3 wait behind the failing message.
        actor.Tell("m1");
        actor.Tell(new Fail(new InvalidOperationException("boom")));
        actor.Tell("m2");
        actor.Tell("m3");

        probe.ExpectMsg("a:prestart");
        probe.ExpectMsg("a:m1");
        probe.ExpectMsg<PreRestartSeen>();
        probe.ExpectMsg("a:poststop");
        probe.ExpectMsg<PostRestartSeen>();
        probe.ExpectMsg("a:prestart");
        probe.ExpectMsg("a:m2");
        probe.ExpectMsg("a:m3");
        // Redelivering the failing message would fail (and restart) the actor again.
        probe.ExpectNoMsg(Quiet);
        Assert.Equal(Directive.Restart, failures.ExpectMsg<ActorFailed>(f => f.Child.Equals(actor)).Directive);
        failures.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Restart_replaces_the_instance_so_its_state_starts_afresh()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(ReportingActor.PropsFor("a", probe.Ref), "a");
        actor.Tell("m1");
        actor.Tell("m2");
        probe.Send(actor, "count");
        probe.ExpectMsg("a:prestart");
        probe.ExpectMsg("a:m1");
        probe.ExpectMsg("a:m2");
        probe.ExpectMsg(2);

        probe.Send(actor, new Fail(new InvalidOperationException("boom")));
        probe.Send(actor, "count");
        Assert.Equal(0, probe.FishForMessage<int>(_ => true)); // past the restart hooks
        probe.Send(actor, "m3");
        probe.Send(actor, "count");
        probe.ExpectMsg("a:m3");
        probe.ExpectMsg(1);
    }

    [Fact]
    public void Resume_keeps_the_state_and_drops_the_failing_message()
    {
        var failures = FailureEvents();
        var parent = Supervisor(new OneForOneStrategy(_ => Directive.Resume), "parent");
        var probe = CreateTestProbe();
        var child = SpawnUnder(parent, ReportingActor.PropsFor("c", probe.Ref), "c");
        child.Tell("m1");
        child.Tell(new Fail(new InvalidOperationException("boom")));
        child.Tell("m2");
        probe.Send(child, "count");

        probe.ExpectMsg("c:prestart");
        probe.ExpectMsg("c:m1");
        probe.ExpectMsg("c:m2");
        // The same instance: m1 is still counted, and no restart hook ran in between.
        probe.ExpectMsg(2);
        probe.ExpectNoMsg(Quiet);
        Assert.Equal(Directive.Resume, failures.ExpectMsg<ActorFailed>().Directive);
        failures.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Stop_directive_stops_the_child_runs_PostStop_and_dead_letters_what_was_queued()
    {
        var failures = FailureEvents();
        var deadLetters = CreateTestProbe("dead-letters");
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        var parent = Supervisor(new OneForOneStrategy(_ => Directive.Stop), "parent");
        var probe = CreateTestProbe();
        var child = SpawnUnder(parent, ReportingActor.PropsFor("c", probe.Ref), "c");
        var watcher = CreateTestProbe("watcher");
        watcher.Watch(child);

        child.Tell("m1");
        child.Tell(new Fail(new InvalidOperationException("boom")));
        child.Tell("m2");
        child.Tell("m3");

        probe.ExpectMsg("c:prestart");
        probe.ExpectMsg("c:m1");
        probe.ExpectMsg("c:poststop");
        Assert.Equal("m2", deadLetters.ExpectMsg<DeadLetter>(d => d.Recipient.Equals(child)).Message);
        Assert.Equal("m3", deadLetters.ExpectMsg<DeadLetter>(d => d.Recipient.Equals(child)).Message);
        watcher.ExpectTerminated(child);
        Assert.Equal(Directive.Stop, failures.ExpectMsg<ActorFailed>().Directive);
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Escalate_fails_the_parent_with_the_same_cause_and_the_grandparent_decides()
    {
        var failures = FailureEvents();
        var grandparent = Supervisor(new OneForOneStrategy(_ => Directive.Stop), "grandparent");
        var parent = SpawnUnder(grandparent, Props.Create(() => new ParentActor(new OneForOneStrategy(_ => Directive.Escalate))), "parent");
        var probe = CreateTestProbe();
        var child = SpawnUnder(parent, ReportingActor.PropsFor("c", probe.Ref), "c");
        var watcher = CreateTestProbe("watcher");
        watcher.Watch(child);
        watcher.Watch(parent);
        watcher.Watch(grandparent);
        var cause = new InvalidOperationException("boom");

        child.Tell(new Fail(cause));

        var escalated = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(child, escalated.Child);
        Assert.Same(cause, escalated.Cause);
        Assert.Equal(Directive.Escalate, escalated.Directive);
        var decided = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(parent, decided.Child);
        Assert.Same(cause, decided.Cause);
        Assert.Equal(Directive.Stop, decided.Directive); // the grandparent's strategy
        // Stopping the parent stops its children first.
        watcher.ExpectTerminated(child);
        watcher.ExpectTerminated(parent);
        watcher.ExpectNoMsg(Quiet); // the grandparent lives on
    }

    [Fact]
    public void Escalate_then_Resume_by_the_grandparent_lets_the_failed_child_go_on()
    {
        var failures = FailureEvents();
        var grandparent = Supervisor(new OneForOneStrategy(_ => Directive.Resume), "grandparent");
        var parent = SpawnUnder(grandparent, Props.Create(() => new ParentActor(new OneForOneStrategy(_ => Directive.Escalate))), "parent");
        var probe = CreateTestProbe();
        var child = SpawnUnder(parent, ReportingActor.PropsFor("c", probe.Ref), "c");
        probe.ExpectMsg("c:prestart");

        child.Tell("m1");
        child.Tell(new Fail(new InvalidOperationException("boom")));
        child.Tell("m2");
        probe.Send(child, "count");

        Assert.Equal(Directive.Escalate, failures.ExpectMsg<ActorFailed>().Directive);
        Assert.Equal(Directive.Resume, failures.ExpectMsg<ActorFailed>(f => f.Child.Equals(parent)).Directive);
        // As in Akka.NET, resuming the parent resumes the child that caused the failure: it keeps
        // its state, drops the failing message and handles what was queued behind it.
        probe.ExpectMsg("c:m1");
        probe.ExpectMsg("c:m2");
        probe.ExpectMsg(2);
    }

    [Fact]
    public void AllForOne_Restart_restarts_the_siblings_of_the_failing_child_too()
    {
        var failures = FailureEvents();
        var parent = Supervisor(new AllForOneStrategy(), "parent");
        var probe1 = CreateTestProbe("p1");
        var probe2 = CreateTestProbe("p2");
        var c1 = SpawnUnder(parent, ReportingActor.PropsFor("c1", probe1.Ref), "c1");
        var c2 = SpawnUnder(parent, ReportingActor.PropsFor("c2", probe2.Ref), "c2");
        probe1.ExpectMsg("c1:prestart");
        probe2.ExpectMsg("c2:prestart");
        c2.Tell("before");
        probe2.ExpectMsg("c2:before");
        var cause = new InvalidOperationException("c1 broke");
        var failing = new Fail(cause);

        c1.Tell(failing);

        var pre1 = probe1.ExpectMsg<PreRestartSeen>();
        Assert.Same(cause, pre1.Reason);
        Assert.Same(failing, pre1.Message);
        probe1.ExpectMsg("c1:poststop");
        probe1.ExpectMsg<PostRestartSeen>();
        probe1.ExpectMsg("c1:prestart");

        var pre2 = probe2.ExpectMsg<PreRestartSeen>();
        Assert.Same(cause, pre2.Reason);
        Assert.Null(pre2.Message); // the sibling was not handling anything when it was restarted
        probe2.ExpectMsg("c2:poststop");
        Assert.Same(cause, probe2.ExpectMsg<PostRestartSeen>().Reason);
        probe2.ExpectMsg("c2:prestart");
        probe2.Send(c2, "count");
        probe2.ExpectMsg(0); // a fresh instance

        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(c1, failed.Child);
        Assert.Equal(Directive.Restart, failed.Directive);
        failures.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void AllForOne_Stop_stops_every_sibling_and_keeps_the_parent()
    {
        var parent = Supervisor(new AllForOneStrategy(_ => Directive.Stop), "parent");
        var probe = CreateTestProbe();
        var c1 = SpawnUnder(parent, ReportingActor.PropsFor("c1", probe.Ref), "c1");
        var c2 = SpawnUnder(parent, ReportingActor.PropsFor("c2", probe.Ref), "c2");
        var c3 = SpawnUnder(parent, ReportingActor.PropsFor("c3", probe.Ref), "c3");
        var watcher = CreateTestProbe("watcher");
        foreach (var actor in new[] { c1, c2, c3, parent }) watcher.Watch(actor);

        c2.Tell(new Fail(new InvalidOperationException("c2 broke")));

        var stopped = watcher.ReceiveN(3).Cast<Terminated>().Select(t => t.Actor).ToHashSet();
        Assert.Equal(new HashSet<IActorRef> { c1, c2, c3 }, stopped);
        watcher.ExpectNoMsg(Quiet);
        // The parent still works: the names are free again.
        SpawnUnder(parent, ReportingActor.PropsFor("c1", probe.Ref), "c1");
    }

    [Fact]
    public void Restart_budget_turns_the_third_failure_within_the_window_into_a_stop()
    {
        var failures = FailureEvents();
        var parent = Supervisor(new OneForOneStrategy(maxRestarts: 2, window: Duration.FromSeconds(10)), "parent");
        var probe = CreateTestProbe();
        var child = SpawnUnder(parent, ReportingActor.PropsFor("c", probe.Ref), "c");
        var watcher = CreateTestProbe("watcher");
        watcher.Watch(child);

        for (int i = 1; i <= 3; i++) child.Tell(new Fail(new InvalidOperationException($"failure {i}")));

        Assert.Equal(Directive.Restart, failures.ExpectMsg<ActorFailed>().Directive);
        Assert.Equal(Directive.Restart, failures.ExpectMsg<ActorFailed>().Directive);
        var third = failures.ExpectMsg<ActorFailed>();
        Assert.Equal("failure 3", third.Cause.Message);
        Assert.Equal(Directive.Stop, third.Directive);
        watcher.ExpectTerminated(child);
        // prestart, two restarts (PreRestart, poststop, PostRestart, prestart each), then the final poststop.
        var hooks = probe.ReceiveN(10);
        Assert.Equal(2, hooks.OfType<PreRestartSeen>().Count());
        Assert.Equal("c:poststop", hooks[^1]);
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Restart_budget_forgets_restarts_older_than_the_window()
    {
        var failures = FailureEvents();
        var parent = Supervisor(new OneForOneStrategy(maxRestarts: 2, window: Duration.FromSeconds(10)), "parent");
        var child = SpawnUnder(parent, ReportingActor.PropsFor("c", CreateTestProbe().Ref), "c");
        var watcher = CreateTestProbe("watcher");
        watcher.Watch(child);

        child.Tell(new Fail(new InvalidOperationException("at 0 s")));
        child.Tell(new Fail(new InvalidOperationException("at 0 s again")));
        Assert.Equal(Directive.Restart, failures.ExpectMsg<ActorFailed>().Directive);
        Assert.Equal(Directive.Restart, failures.ExpectMsg<ActorFailed>().Directive);

        Advance(Duration.FromSeconds(11));
        child.Tell(new Fail(new InvalidOperationException("at 11 s")));
        child.Tell(new Fail(new InvalidOperationException("at 11 s again")));
        Assert.Equal(Directive.Restart, failures.ExpectMsg<ActorFailed>().Directive);
        Assert.Equal(Directive.Restart, failures.ExpectMsg<ActorFailed>().Directive);
        watcher.ExpectNoMsg(Quiet);

        // Two restarts are inside the window now: the next failure is one too many.
        child.Tell(new Fail(new InvalidOperationException("at 12 s")));
        Assert.Equal(Directive.Stop, failures.ExpectMsg<ActorFailed>().Directive);
        watcher.ExpectTerminated(child);
    }

    [Fact]
    public void Default_decider_stops_an_actor_whose_constructor_throws()
    {
        var failures = FailureEvents();
        var watcher = CreateTestProbe("watcher");
        var actor = Sys.ActorOf(Props.Create(() => new ThrowingConstructorActor()), "broken");
        watcher.Watch(actor);

        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(actor, failed.Child);
        var initialization = Assert.IsType<ActorInitializationException>(failed.Cause);
        Assert.Equal("cannot build", Assert.IsType<InvalidOperationException>(initialization.InnerException).Message);
        Assert.Equal(Directive.Stop, failed.Directive);
        watcher.ExpectTerminated(actor);
    }

    [Fact]
    public void Default_decider_stops_an_actor_whose_PreStart_throws()
    {
        var failures = FailureEvents();
        var watcher = CreateTestProbe("watcher");
        var actor = Sys.ActorOf(Props.Create(() => new ThrowingPreStartActor()), "broken");
        watcher.Watch(actor);

        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.IsType<ActorInitializationException>(failed.Cause);
        Assert.Equal(Directive.Stop, failed.Directive);
        watcher.ExpectTerminated(actor);
    }

    [Fact]
    public void Kill_fails_the_actor_with_ActorKilledException_and_the_default_decider_stops_it()
    {
        var failures = FailureEvents();
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(ReportingActor.PropsFor("a", probe.Ref), "a");
        probe.Watch(actor);

        actor.Tell(Kill.Instance);
        actor.Tell("after kill");

        probe.ExpectMsg("a:prestart");
        probe.ExpectMsg("a:poststop"); // PostStop runs; "after kill" is never handled
        probe.ExpectTerminated(actor);
        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.IsType<ActorKilledException>(failed.Cause);
        Assert.Equal(Directive.Stop, failed.Directive);
    }

    [Theory]
    [InlineData(typeof(ActorInitializationException), Directive.Stop)]
    [InlineData(typeof(ActorKilledException), Directive.Stop)]
    [InlineData(typeof(DeathPactException), Directive.Stop)]
    [InlineData(typeof(IllegalActorStateException), Directive.Restart)]
    [InlineData(typeof(InvalidOperationException), Directive.Restart)]
    [InlineData(typeof(ArgumentException), Directive.Restart)]
    public void Default_decider_stops_on_the_kernels_fatal_failures_and_restarts_on_anything_else(Type exceptionType, Directive expected)
    {
        var cause = exceptionType.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner
            ? (Exception)withInner.Invoke(["x", null])
            : (Exception)Activator.CreateInstance(exceptionType, "x")!;
        Assert.Equal(expected, SupervisorStrategy.DefaultDecider(cause));
    }

    [Fact]
    public void A_child_is_suspended_while_its_parent_awaits_a_decision()
    {
        // Control for the next test: the grandparent decides only at 10 ms, so the child's 5 ms
        // tick must wait in its suspended mailbox until the Resume reaches it.
        Assert.Equal(Duration.FromMilliseconds(10), TickTimeWhileTheGrandparentDeliberates(restartTheParentFirst: false));
    }

    [Fact]
    public void A_child_started_by_a_restarted_parent_is_suspended_while_the_parent_awaits_a_decision()
    {
        // The same, after one restart of the parent whose new instance starts the child in PreStart.
        Assert.Equal(Duration.FromMilliseconds(10), TickTimeWhileTheGrandparentDeliberates(restartTheParentFirst: true));
    }

    /// <summary>
    /// Grandparent g (blocks in an ask for 10 ms while the parent p fails) → p → child c (a 5 ms
    /// tick). Returns when c handled its tick: it must not run before g has decided.
    /// </summary>
    private Duration TickTimeWhileTheGrandparentDeliberates(bool restartTheParentFirst)
    {
        var probe = CreateTestProbe();
        var grandparent = Sys.ActorOf(Props.Create(() => new DeliberatingSupervisorActor()), "g");
        var parent = SpawnUnder(grandparent, Props.Create(() => new TickingParentActor(probe.Ref)), "p");
        var child = parent.AskBlocking<IActorRef>("child?");
        if (restartTheParentFirst)
        {
            parent.Tell(new Fail(new InvalidOperationException("restart me")));
            var restartedChild = parent.AskBlocking<IActorRef>("child?");
            Assert.NotSame(child, restartedChild);
            child = restartedChild;
        }
        child.Tell("arm");
        RunUntilIdle();
        Assert.Equal(Duration.Zero, Sys.Clock.Now);
        var delayer = Sys.ActorOf(Props.Create(() => new DelayedReplyActor(Duration.FromMilliseconds(10))), "delayer");

        probe.Send(grandparent, new FailChildWhileDeliberating(parent, new ArgumentException("resume me"), delayer));

        var tick = probe.FishForMessage<TickHandled>(_ => true);
        return Duration.FromNanoseconds(tick.At);
    }

    private TestProbe FailureEvents()
    {
        var failures = CreateTestProbe("failures");
        Sys.EventStream.Subscribe<ActorFailed>(failures.Ref);
        return failures;
    }

    private IActorRef Supervisor(SupervisorStrategy strategy, string name) =>
        Sys.ActorOf(Props.Create(() => new ParentActor(strategy)), name);

    private static IActorRef SpawnUnder(IActorRef parent, Props props, string name) =>
        parent.AskBlocking<IActorRef>((props, name));

    private sealed class ThrowingConstructorActor : Actor
    {
        public ThrowingConstructorActor() => throw new InvalidOperationException("cannot build");
    }

    private sealed class ThrowingPreStartActor : Actor
    {
        protected override void PreStart() => throw new InvalidOperationException("cannot start");
    }

    private sealed record FailChildWhileDeliberating(IActorRef Child, Exception Cause, IActorRef Delayer);

    private sealed record TickHandled(long At);

    /// <summary>
    /// Restarts a child on <see cref="InvalidOperationException"/> and resumes it on anything else;
    /// on <see cref="FailChildWhileDeliberating"/> it fails the child and then blocks in an ask,
    /// so its decision (a system message) waits until the ask is answered.
    /// </summary>
    private sealed class DeliberatingSupervisorActor : Actor
    {
        private static readonly SupervisorStrategy Strategy =
            new OneForOneStrategy(cause => cause is InvalidOperationException ? Directive.Restart : Directive.Resume);

        public DeliberatingSupervisorActor()
        {
            Receive<(Props Props, string Name)>(spawn => Sender.Tell(Context.Spawn(spawn.Props, spawn.Name)));
            Receive<FailChildWhileDeliberating>(command =>
            {
                command.Child.Tell(new Fail(command.Cause));
                command.Delayer.AskBlocking<string>("go", Duration.FromSeconds(1));
                Sender.Tell("decided");
            });
        }

        protected override SupervisorStrategy? SupervisorStrategy => Strategy;
    }

    /// <summary>Starts a child "c" in PreStart (so again on every restart) that ticks 5 ms after "arm".</summary>
    private sealed class TickingParentActor : Actor
    {
        private readonly IActorRef _reporter;

        public TickingParentActor(IActorRef reporter)
        {
            _reporter = reporter;
            Receive<Fail>(fail => throw fail.Cause);
            Receive<string>(text => text == "child?", _ => Sender.Tell(Context.Child("c")!));
        }

        protected override void PreStart() => Context.Spawn(Props.Create(() => new TickingActor(_reporter)), "c");
    }

    private sealed class TickingActor : Actor
    {
        public TickingActor(IActorRef reporter)
        {
            Receive<string>(text => text == "arm", _ => Context.Timers.StartSingleTimer("tick", "tick", Duration.FromMilliseconds(5)));
            Receive<string>(text => text == "tick", _ => reporter.Tell(new TickHandled(Context.Clock.NowNanoseconds)));
        }
    }
}
