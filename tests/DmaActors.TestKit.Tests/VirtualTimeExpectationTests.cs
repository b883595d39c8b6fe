using Akka.Actor;
using DmaActors.Runtime.Time;
using Xunit.Abstractions;

namespace DmaActors.TestKit.Tests;

/// <summary>Akka TestKit probes, waiting in virtual time: the expectations that take a <see cref="Duration"/>.</summary>
public sealed class VirtualTimeExpectationTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private IActorRef Replier(double milliseconds) =>
        Sys.ActorOf(Props.Create(() => new DelayedReplier(TimeSpan.FromMilliseconds(milliseconds))));

    [Fact]
    public void ExpectMsg_waits_in_virtual_time_and_returns_the_message()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(250), "late");

        Assert.Equal("late", probe.ExpectMsg<string>(Duration.FromSeconds(1)));
        Assert.Equal(Duration.FromMilliseconds(250), World.Clock.Now);
    }

    [Fact]
    public void ExpectMsg_fails_at_its_virtual_limit_when_the_reply_comes_too_late()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(500), "late");

        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ExpectMsg<string>(Duration.FromMilliseconds(100)));

        Assert.Contains("within 100ms of virtual time", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Duration.FromMilliseconds(100), World.Clock.Now);
        Assert.Equal("late", probe.ExpectMsg<string>(Duration.FromSeconds(1)));
    }

    [Fact]
    public void ExpectMsg_fails_at_once_when_nothing_is_left_to_run()
    {
        var probe = CreateTestProbe();

        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ExpectMsg<string>(Duration.FromSeconds(3600)));

        Assert.Contains("nothing is left to run", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Duration.Zero, World.Clock.Now);
    }

    [Fact]
    public void ExpectMsg_with_a_predicate_reports_the_message_that_did_not_match()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(1), 41);

        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ExpectMsg<int>(Duration.FromSeconds(1), n => n == 42));

        Assert.Contains("41", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_of_the_wrong_type_fails_naming_what_came()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(1), 7);

        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ExpectMsg<string>(Duration.FromSeconds(1)));

        Assert.Contains("got Int32 7", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_passes_the_span_in_virtual_time_and_catches_an_early_message()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(50), "early");

        probe.ExpectNoMsg(Duration.FromMilliseconds(40));
        Assert.Equal(Duration.FromMilliseconds(40), World.Clock.Now);
        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ExpectNoMsg(Duration.FromMilliseconds(40)));
        Assert.Contains("got String early", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_moves_the_clock_the_whole_span_even_when_nothing_is_pending()
    {
        CreateTestProbe().ExpectNoMsg(Duration.FromSeconds(2));

        Assert.Equal(Duration.FromSeconds(2), World.Clock.Now);
    }

    [Fact]
    public void ReceiveN_returns_messages_in_arrival_order_and_fails_when_fewer_arrive()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(30), "second");
        probe.Send(Replier(10), "first");

        Assert.Equal(["first", "second"], probe.ReceiveN(2, Duration.FromMilliseconds(50)).Cast<string>());
        var failure = Assert.Throws<ExpectationFailedException>(() => probe.ReceiveN(1, Duration.FromMilliseconds(50)));
        Assert.Contains("got 0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FishForMessage_skips_until_the_predicate_holds_and_lists_what_it_skipped_when_it_gives_up()
    {
        var probe = CreateTestProbe();
        var replier = Replier(1);
        foreach (int n in new[] { 1, 2, 3 }) probe.Send(replier, n);

        Assert.Equal(2, probe.FishForMessage<int>(n => n == 2, Duration.FromSeconds(1)));
        var failure = Assert.Throws<ExpectationFailedException>(() => probe.FishForMessage<int>(n => n == 9, Duration.FromSeconds(1)));
        Assert.Contains("skipped: [Int32 3]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectTerminated_sees_a_watched_actor_stop()
    {
        var probe = CreateTestProbe();
        var target = Replier(1);
        probe.Watch(target);

        Sys.Stop(target);

        Assert.Equal(target, probe.ExpectTerminated(target, Duration.FromMilliseconds(1)).ActorRef);
    }

    [Fact]
    public void Within_checks_the_virtual_time_a_block_took()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(20), "x");

        this.Within(Duration.FromMilliseconds(15), Duration.FromMilliseconds(25), () => probe.ExpectMsg<string>(Duration.FromSeconds(1)));
        Assert.Throws<ExpectationFailedException>(() => this.Within(Duration.Zero, Duration.FromMilliseconds(5), () => Advance(Duration.FromMilliseconds(6))));
    }

    [Fact]
    public void AwaitAssert_drives_the_world_until_the_assertion_holds()
    {
        var probe = CreateTestProbe();
        probe.Send(Replier(70), "x");

        AwaitAssert(() => Assert.True(probe.HasMessages), Duration.FromMilliseconds(100), Duration.FromMilliseconds(10));

        Assert.InRange(World.Clock.NowNanoseconds, 70_000_000, 80_000_000);
    }
}
