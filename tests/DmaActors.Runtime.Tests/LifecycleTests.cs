using DmaActors.Runtime.Events;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// An actor's life: PreStart before the first message, PostStop after the last, children before
/// their parent; graceful (PoisonPill, graceful shutdown) against immediate stops (system messages
/// overtake user messages); names; and what is left of a system after shutdown.
/// </summary>
public sealed class LifecycleTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private static readonly Duration Quiet = Duration.FromSeconds(1);

    [Fact]
    public void PreStart_runs_before_the_first_message()
    {
        var probe = CreateTestProbe();
        // The message is queued before the actor has even been built.
        var actor = Sys.ActorOf(ReportingActor.PropsFor("a", probe.Ref), "a");
        actor.Tell("first");

        probe.ExpectMsg("a:prestart");
        probe.ExpectMsg("a:first");
    }

    [Fact]
    public void PostStop_runs_after_Stop_and_before_watchers_hear_of_it()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(ReportingActor.PropsFor("a", probe.Ref), "a");
        probe.ExpectMsg("a:prestart");
        probe.Watch(actor);

        Sys.Stop(actor);

        probe.ExpectMsg("a:poststop");
        probe.ExpectTerminated(actor);
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Children_stop_before_their_parent_runs_PostStop()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(ReportingActor.PropsFor("p", probe.Ref, "c1", "c2"), "p");
        Assert.Equal(new HashSet<object> { "p:prestart", "c1:prestart", "c2:prestart" }, probe.ReceiveN(3).ToHashSet());

        Sys.Stop(parent);

        var stops = probe.ReceiveN(3);
        Assert.Equal(new HashSet<object> { "c1:poststop", "c2:poststop" }, stops.Take(2).ToHashSet());
        Assert.Equal("p:poststop", stops[2]);
    }

    [Fact]
    public void PoisonPill_is_handled_after_the_messages_queued_before_it()
    {
        var deadLetters = DeadLetterEvents();
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(ReportingActor.PropsFor("a", probe.Ref), "a");
        actor.Tell("m1");
        actor.Tell("m2");
        actor.Tell(PoisonPill.Instance);
        actor.Tell("m3");

        probe.ExpectMsg("a:prestart");
        probe.ExpectMsg("a:m1");
        probe.ExpectMsg("a:m2");
        probe.ExpectMsg("a:poststop");
        Assert.Equal("m3", deadLetters.ExpectMsg<DeadLetter>(d => d.Recipient.Equals(actor)).Message);
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void System_Stop_overtakes_queued_user_messages()
    {
        var deadLetters = DeadLetterEvents();
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(ReportingActor.PropsFor("a", probe.Ref), "a");
        probe.ExpectMsg("a:prestart");
        actor.Tell("m1");
        actor.Tell("m2");

        Sys.Stop(actor);

        // Terminate is a system message: it is handled before m1 and m2, which go to dead letters.
        probe.ExpectMsg("a:poststop");
        Assert.Equal("m1", deadLetters.ExpectMsg<DeadLetter>(d => d.Recipient.Equals(actor)).Message);
        Assert.Equal("m2", deadLetters.ExpectMsg<DeadLetter>(d => d.Recipient.Equals(actor)).Message);
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Context_Stop_of_self_takes_effect_after_the_current_message_and_overtakes_the_queue()
    {
        var deadLetters = DeadLetterEvents();
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(ReportingActor.PropsFor("a", probe.Ref), "a");
        actor.Tell("m1");
        actor.Tell("stop");
        actor.Tell("m2");

        probe.ExpectMsg("a:prestart");
        probe.ExpectMsg("a:m1");
        probe.ExpectMsg("a:poststop");
        Assert.Equal("m2", deadLetters.ExpectMsg<DeadLetter>(d => d.Recipient.Equals(actor)).Message);
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void A_sibling_name_in_use_is_refused_with_InvalidActorNameException()
    {
        Sys.ActorOf(Props.Create(() => new EchoActor()), "twin");

        var refused = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new EchoActor()), "twin"));
        Assert.Contains("'twin'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_is_free_again_once_its_actor_has_stopped()
    {
        var probe = CreateTestProbe();
        var first = Sys.ActorOf(Props.Create(() => new EchoActor()), "reused");
        probe.Watch(first);
        Sys.Stop(first);
        probe.ExpectTerminated(first);
        // The parent frees the name when it handles ChildTerminated, which may come after the watcher's Terminated.
        RunUntilIdle();

        var second = Sys.ActorOf(Props.Create(() => new EchoActor()), "reused");
        Assert.NotSame(first, second);
        Assert.Equal("/user/reused", second.Path);
        Assert.Equal(5, second.AskBlocking<int>(5));
    }

    [Fact]
    public void The_same_name_may_be_used_under_different_parents()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(null)), "x");
        var child = parent.AskBlocking<IActorRef>((Props.Create(() => new EchoActor()), "x"));
        Assert.Equal("/user/x/x", child.Path);
        Assert.Equal(3, child.AskBlocking<int>(3));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a b")]
    public void An_invalid_name_is_refused_with_InvalidActorNameException(string name) =>
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new EchoActor()), name));

    [Fact]
    public void Creating_an_actor_with_new_outside_Props_throws_InvalidOperationException()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new EchoActor());
        Assert.Contains("Props.Create<EchoActor>", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Graceful_shutdown_handles_what_is_queued_then_runs_every_PostStop()
    {
        var log = new RecordingRef("/test/log");
        var deadLetters = new RecordingRef("/test/dead-letters");
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters);
        var a = Sys.ActorOf(ReportingActor.PropsFor("a", log, "a-child"), "a");
        var b = Sys.ActorOf(ReportingActor.PropsFor("b", log), "b");
        foreach (var message in new[] { "m1", "m2", "m3" })
        {
            a.Tell(message);
            b.Tell(message);
        }

        Sys.Shutdown(ShutdownMode.Graceful);

        Assert.True(Sys.IsTerminated);
        Assert.Equal(["a:prestart", "a:m1", "a:m2", "a:m3", "a:poststop"], Events(log, "a:"));
        Assert.Equal(["b:prestart", "b:m1", "b:m2", "b:m3", "b:poststop"], Events(log, "b:"));
        Assert.Equal(["a-child:prestart", "a-child:poststop"], Events(log, "a-child:"));
        var order = log.OfType<string>().ToList();
        Assert.True(order.IndexOf("a-child:poststop") < order.IndexOf("a:poststop"), "the child stopped after its parent");
        Assert.DoesNotContain(deadLetters.OfType<DeadLetter>(), d => d.Recipient.Equals(a) || d.Recipient.Equals(b));
    }

    [Fact]
    public void Immediate_shutdown_dead_letters_what_is_still_queued()
    {
        var log = new RecordingRef("/test/log");
        var deadLetters = new RecordingRef("/test/dead-letters");
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters);
        var actor = Sys.ActorOf(ReportingActor.PropsFor("a", log), "a");
        var sent = Enumerable.Range(0, 100).Select(i => $"m{i}").ToList();
        foreach (var message in sent) actor.Tell(message);

        Sys.Shutdown(ShutdownMode.Immediate);

        Assert.True(Sys.IsTerminated);
        var lifecycle = Events(log, "a:");
        Assert.Equal("a:prestart", lifecycle[0]);
        Assert.Equal("a:poststop", lifecycle[^1]);
        var handled = lifecycle.Skip(1).SkipLast(1).Select(e => e["a:".Length..]).ToList();
        var dead = deadLetters.OfType<DeadLetter>().Where(d => d.Recipient.Equals(actor)).Select(d => (string)d.Message).ToList();
        // Every message either handled or dead-lettered, exactly once and in order: the stop
        // overtook the queue, so most of it was never handled.
        Assert.Equal(sent, handled.Concat(dead));
        Assert.NotEmpty(dead);
        Assert.True(handled.Count < dead.Count, $"{handled.Count} handled, {dead.Count} dead-lettered");
    }

    [Fact]
    public void After_shutdown_Tells_become_dead_letters_and_no_actor_can_be_started()
    {
        var actor = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        Sys.Shutdown(ShutdownMode.Graceful);
        var deadLetters = new RecordingRef("/test/dead-letters");
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters);

        actor.Tell("too late");

        Assert.True(Sys.IsTerminated);
        Assert.True(Sys.WhenTerminatedAsync.IsCompletedSuccessfully);
        var letter = Assert.Single(deadLetters.OfType<DeadLetter>());
        Assert.Equal("too late", letter.Message);
        Assert.Equal(actor, letter.Recipient);
        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create(() => new EchoActor())));
    }

    private TestProbe DeadLetterEvents()
    {
        var deadLetters = CreateTestProbe("dead-letters");
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        return deadLetters;
    }

    private static List<string> Events(RecordingRef log, string prefix) =>
        [.. log.OfType<string>().Where(e => e.StartsWith(prefix, StringComparison.Ordinal))];
}
