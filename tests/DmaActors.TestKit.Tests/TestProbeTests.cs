using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using Xunit.Abstractions;

namespace DmaActors.TestKit.Tests;

public sealed class TestProbeTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private IActorRef Replier(double milliseconds) =>
        Sys.ActorOf(Props.Create(() => new DelayedReplier(Duration.FromMilliseconds(milliseconds))));

    [Fact]
    public void ExpectMsg_waits_in_virtual_time_and_returns_the_message()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(250), "late");
        Assert.Equal("late", probe.ExpectMsg<string>());
        Assert.Equal(Duration.FromMilliseconds(250), Sys.Clock.Now);
    }

    [Fact]
    public void ExpectMsg_fails_with_the_timeout_when_the_reply_comes_too_late()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(500), "late");
        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ExpectMsg<string>(timeout: Duration.FromMilliseconds(100)));
        Assert.Contains("within 100ms (virtual time)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Duration.FromMilliseconds(100), Sys.Clock.Now);
        // The reply still comes later.
        Assert.Equal("late", probe.ExpectMsg<string>());
    }

    [Fact]
    public void ExpectMsg_fails_at_once_when_nothing_is_left_to_run()
    {
        var probe = CreateTestProbe();
        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ExpectMsg<string>(timeout: Duration.FromSeconds(3600)));
        Assert.Contains("nothing is left to run", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Duration.Zero, Sys.Clock.Now);
    }

    [Fact]
    public void ExpectMsg_with_a_predicate_reports_the_message_that_did_not_match()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(1), 41);
        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ExpectMsg<int>(n => n == 42));
        Assert.Contains("Int32 41", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_of_the_wrong_type_fails()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(1), 7);
        Assert.Throws<ExpectationFailedException>(() => probe.ExpectMsg<string>());
    }

    [Fact]
    public void ExpectNoMsg_passes_the_span_in_virtual_time_and_catches_an_early_message()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(300), "x");
        probe.ExpectNoMsg(Duration.FromMilliseconds(200));
        Assert.Equal(Duration.FromMilliseconds(200), Sys.Clock.Now);
        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ExpectNoMsg(Duration.FromMilliseconds(200)));
        Assert.Contains("String x", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_moves_the_clock_the_whole_span_even_when_nothing_is_pending()
    {
        var probe = CreateTestProbe();
        probe.ExpectNoMsg(Duration.FromSeconds(2));
        Assert.Equal(Duration.FromSeconds(2), Sys.Clock.Now);
    }

    [Fact]
    public void ReceiveN_returns_messages_in_arrival_order()
    {
        var probe = CreateTestProbe();
        var replier = Replier(1);
        for (int i = 0; i < 5; i++) probe.Send(replier, i);
        Assert.Equal([0, 1, 2, 3, 4], probe.ReceiveN(5).Cast<int>());
    }

    [Fact]
    public void ReceiveN_fails_when_fewer_arrive()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(1), 1);
        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ReceiveN(2));
        Assert.Contains("message 2 of 2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FishForMessage_skips_until_the_predicate_holds()
    {
        var probe = CreateTestProbe();
        var replier = Replier(1);
        foreach (var word in new[] { "a", "b", "target", "c" }) probe.Send(replier, word);
        Assert.Equal("target", probe.FishForMessage<string>(s => s == "target"));
        Assert.Equal("c", probe.ExpectMsg<string>());
    }

    [Fact]
    public void FishForMessage_lists_what_it_skipped_when_it_gives_up()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(1), "a");
        var failure = Assert.Throws<ExpectationFailedException>(() => probe.FishForMessage<string>(s => s == "z"));
        Assert.Contains("Skipped: [String a]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectTerminated_sees_a_watched_actor_stop()
    {
        var probe = CreateTestProbe();
        var victim = Replier(1);
        probe.Watch(victim);
        Sys.Stop(victim);
        Assert.Equal(victim, probe.ExpectTerminated(victim).Actor);
    }

    [Fact]
    public void Unwatch_means_no_Terminated()
    {
        var probe = CreateTestProbe();
        var victim = Replier(1);
        probe.Watch(victim);
        probe.Unwatch(victim);
        Sys.Stop(victim);
        probe.ExpectNoMsg(Duration.FromMilliseconds(10));
    }

    [Fact]
    public void Reply_goes_to_the_last_sender()
    {
        var probe = CreateTestProbe();
        var asker = Sys.ActorOf(Props.Create(() => new ForwardingAsker(probe.Ref)));
        TestActor.Send(asker, "question");
        Assert.Equal("question", probe.ExpectMsg<string>());
        probe.Reply("answer");
        Assert.Equal("answer", ExpectMsg<string>());
    }

    [Fact]
    public void Within_checks_the_virtual_time_a_block_took()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(300), "x");
        probe.Within(Duration.FromMilliseconds(250), Duration.FromMilliseconds(350), () => probe.ExpectMsg<string>());
        probe.Send(Replier(300), "y");
        Assert.Throws<ExpectationFailedException>(() => probe.Within(Duration.FromMilliseconds(100), () => probe.ExpectMsg<string>()));
    }

    [Fact]
    public void AwaitAssert_retries_while_virtual_time_passes()
    {
        var counter = Sys.ActorOf(Props.Create(() => new TickCounter()));
        counter.Tell("start");
        AwaitAssert(() => Assert.True(counter.AskBlocking<int>("count") >= 5), Duration.FromSeconds(1), Duration.FromMilliseconds(10));
        Assert.True(Sys.Clock.Now >= Duration.FromMilliseconds(50));
    }

    [Fact]
    public void AwaitAssert_gives_up_with_the_last_failure()
    {
        var failure = Assert.Throws<ExpectationFailedException>(() => AwaitAssert(() => Assert.Fail("never true"), Duration.FromMilliseconds(30)));
        Assert.Contains("never true", failure.Message, StringComparison.Ordinal);
    }

    private sealed class ForwardingAsker : Actor
    {
        public ForwardingAsker(IActorRef probe)
        {
            IActorRef? origin = null;
            Receive<string>(s => s == "question", s =>
            {
                origin = Sender;
                probe.Tell(s);
            });
            Receive<string>(answer => origin!.Tell(answer));
        }
    }

    private sealed class TickCounter : Actor
    {
        public TickCounter()
        {
            int ticks = 0;
            Receive<string>(s => s == "start", _ => Context.Timers.StartPeriodicTimer("t", "tick", Duration.FromMilliseconds(10)));
            Receive<string>(s => s == "tick", _ => ticks++);
            Receive<string>(s => s == "count", _ => Sender.Tell(ticks));
        }
    }
}
