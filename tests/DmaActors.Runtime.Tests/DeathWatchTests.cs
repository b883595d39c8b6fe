using DmaActors.Runtime.Events;
using DmaActors.Runtime.Supervision;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// Death watch: <see cref="Terminated"/> exactly once per watch, also for an actor already dead;
/// an unwatch is final; an unhandled Terminated is a death pact; and Terminated comes behind
/// whatever the dead actor sent before it stopped.
/// </summary>
public sealed class DeathWatchTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private static readonly Duration Quiet = Duration.FromSeconds(1);

    [Fact]
    public void Terminated_is_delivered_exactly_once_even_when_watched_twice()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        probe.Watch(target);
        probe.Watch(target);

        Sys.Stop(target);

        var terminated = probe.ExpectTerminated(target);
        Assert.Same(target, terminated.Actor);
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Watching_an_actor_that_has_already_stopped_delivers_Terminated()
    {
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        Sys.Stop(target);
        var stopped = Sys.WhenTerminated(target);
        Assert.Equal(RunOutcome.ConditionMet, Sys.RunUntil(() => stopped.IsCompleted, Quiet));

        var latecomer = CreateTestProbe("latecomer");
        latecomer.Watch(target);

        latecomer.ExpectTerminated(target);
        latecomer.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Unwatch_before_the_stop_means_no_Terminated()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        probe.Watch(target);
        probe.Unwatch(target);

        Sys.Stop(target);

        var stopped = Sys.WhenTerminated(target);
        Assert.Equal(RunOutcome.ConditionMet, Sys.RunUntil(() => stopped.IsCompleted, Quiet));
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Unwatch_drops_a_Terminated_that_is_already_queued()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new WatcherActor(probe.Ref)), "watcher");
        var delayer = Sys.ActorOf(Props.Create(() => new DelayedReplyActor(Duration.FromMilliseconds(1))), "delayer");
        watcher.Tell(new WatchIt(target));
        RunUntilIdle();

        // All three are queued before the watcher can notice the death (and it is busy in an ask
        // while the target stops), so the Terminated lands in its mailbox behind the Unwatch.
        Sys.Stop(target);
        watcher.Tell(new PauseFor(delayer));
        watcher.Tell(new UnwatchIt(target));
        watcher.Tell("done?");

        probe.ExpectMsg("paused");
        probe.ExpectMsg("done");
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void An_actor_watching_from_inside_gets_Terminated_in_its_handler()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new WatcherActor(probe.Ref)), "watcher");
        watcher.Tell(new WatchIt(target));
        RunUntilIdle();

        Sys.Stop(target);

        var terminated = probe.ExpectMsg<Terminated>();
        Assert.Same(target, terminated.Actor);
        Assert.Equal(target, probe.LastSender); // a Terminated comes from the actor that stopped
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void An_unhandled_Terminated_kills_the_watcher_with_DeathPactException()
    {
        var failures = CreateTestProbe("failures");
        Sys.EventStream.Subscribe<ActorFailed>(failures.Ref);
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new EchoActor()), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new PactlessWatcherActor()), "pactless");
        watcher.Tell(new WatchIt(target));
        RunUntilIdle();
        probe.Watch(watcher);

        Sys.Stop(target);

        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(watcher, failed.Child);
        var pact = Assert.IsType<DeathPactException>(failed.Cause);
        Assert.Contains("/user/target", pact.Message, StringComparison.Ordinal);
        Assert.Equal(Directive.Stop, failed.Directive);
        probe.ExpectTerminated(watcher);
    }

    [Fact]
    public void Terminated_arrives_after_the_messages_the_dead_actor_sent_before_stopping()
    {
        var probe = CreateTestProbe();
        var chatty = Sys.ActorOf(Props.Create(() => new ChattyActor(probe.Ref)), "chatty");
        probe.Watch(chatty);

        chatty.Tell(50);

        Assert.Equal(Enumerable.Range(1, 50).Cast<object>(), probe.ReceiveN(50));
        probe.ExpectTerminated(chatty);
        probe.ExpectNoMsg(Quiet);
    }

    private sealed record WatchIt(IActorRef Target);

    private sealed record UnwatchIt(IActorRef Target);

    private sealed record PauseFor(IActorRef Delayer);

    /// <summary>Watches and unwatches on request and reports every <see cref="Terminated"/> it gets.</summary>
    private sealed class WatcherActor : Actor
    {
        public WatcherActor(IActorRef reporter)
        {
            Receive<WatchIt>(w => Context.Watch(w.Target));
            Receive<UnwatchIt>(u => Context.Unwatch(u.Target));
            Receive<PauseFor>(p =>
            {
                p.Delayer.AskBlocking<string>("go", Duration.FromSeconds(1));
                reporter.Tell("paused");
            });
            Receive<string>(text => text == "done?", _ => reporter.Tell("done"));
            Receive<Terminated>(terminated => reporter.Tell(terminated, Sender));
        }
    }

    /// <summary>Watches, but has no handler for <see cref="Terminated"/>.</summary>
    private sealed class PactlessWatcherActor : Actor
    {
        public PactlessWatcherActor() => Receive<WatchIt>(w => Context.Watch(w.Target));
    }

    /// <summary>On <c>n</c>, tells 1..n to its target, then stops itself.</summary>
    private sealed class ChattyActor : Actor
    {
        public ChattyActor(IActorRef target) =>
            Receive<int>(count =>
            {
                for (int i = 1; i <= count; i++) target.Tell(i);
                Context.Stop(Self);
            });
    }
}
