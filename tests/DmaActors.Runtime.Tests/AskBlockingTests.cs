using System.Diagnostics;
using Akka.Actor;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// The synchronous façade's ask: it drives or waits for the world until the reply, and when no
/// reply can come it throws at once instead of hanging: an idle world, a stopped target, a call
/// from inside an actor or a timer callback.
/// </summary>
public sealed class AskBlockingTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    public static TheoryData<DispatcherKind> Dispatchers => [DispatcherKind.Deterministic, DispatcherKind.ThreadPool];

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void The_reply_comes_back_after_virtual_time_passed(DispatcherKind dispatcher)
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Dispatcher = dispatcher });
        var slow = scope.System.ActorOf(Props.Create(() => new SlowEcho(TimeSpan.FromMilliseconds(2))), "slow");

        Assert.Equal("hi!", scope.World.AskBlocking<string>(slow, "hi"));
        Assert.Equal(2_000_000, scope.World.Clock.NowNanoseconds);
    }

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void An_ask_on_an_idle_world_that_can_never_be_answered_throws_at_once(DispatcherKind dispatcher)
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Dispatcher = dispatcher });
        var silent = scope.System.ActorOf(Props.Create(() => new Silent()), "silent");
        var wall = Stopwatch.StartNew();

        var error = Assert.Throws<ActorDeadlockException>(() => scope.World.AskBlocking<string>(silent, "hello?", Duration.FromSeconds(3600)));

        Assert.Contains("no actor has work and no timer is pending", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, scope.World.Clock.NowNanoseconds);
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(30), "It must not wait for its time-out.");
    }

    [Fact]
    public void An_ask_of_a_stopped_actor_throws_naming_it()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()), "gone");
        Watch(silent);
        Sys.Stop(silent);
        this.ExpectTerminated(silent, Duration.FromMilliseconds(1));

        var error = Assert.Throws<ActorDeadlockException>(() => AskBlocking<string>(silent, "anyone?"));

        Assert.Contains("the target has stopped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ask_from_inside_an_actor_is_refused_instead_of_deadlocking()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create(() => new SlowEcho(TimeSpan.Zero)), "echo");
        var asker = Sys.ActorOf(Props.Create(() => new BlockingAsker(echo, probe.Ref)), "asker");

        asker.Tell("go");

        var error = probe.ExpectMsg<ActorDeadlockException>(Duration.FromMilliseconds(1));
        Assert.Contains("from inside actor akka://", error.Message, StringComparison.Ordinal);
        Assert.Contains("/user/asker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ask_from_a_timer_callback_is_refused()
    {
        var echo = Sys.ActorOf(Props.Create(() => new SlowEcho(TimeSpan.Zero)), "echo");
        Exception? seen = null;
        World.Clock.Schedule(Duration.FromMicroseconds(1), _ =>
        {
            try
            {
                echo.AskBlocking<string>("x");
            }
            catch (ActorDeadlockException e)
            {
                seen = e;
            }
        }, null);

        Advance(Duration.FromMicroseconds(2));

        Assert.NotNull(seen);
        Assert.Contains("timer callback", seen.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void An_ask_times_out_in_virtual_time(DispatcherKind dispatcher)
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Dispatcher = dispatcher });
        var late = scope.System.ActorOf(Props.Create(() => new SlowEcho(TimeSpan.FromSeconds(10))), "late");

        var error = Assert.Throws<Akka.Actor.AskTimeoutException>(() => scope.World.AskBlocking<string>(late, "hi", Duration.FromSeconds(1)));

        Assert.Contains("within 1s of virtual time", error.Message, StringComparison.Ordinal);
        Assert.Equal(1_000_000_000, scope.World.Clock.NowNanoseconds);
    }

    [Fact]
    public void A_failure_reply_and_a_wrong_reply_type_are_reported()
    {
        var failing = Sys.ActorOf(Props.Create(() => new Failing()), "failing");

        var failure = Assert.Throws<AskFailedException>(() => AskBlocking<string>(failing, "fail"));
        Assert.IsType<InvalidOperationException>(failure.InnerException);
        var cast = Assert.Throws<InvalidCastException>(() => AskBlocking<string>(failing, 42));
        Assert.Contains("answered Int32 with Int32, not String", cast.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_real_clock_an_ask_waits_for_the_reply()
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Clock = ClockKind.Real });
        var slow = scope.System.ActorOf(Props.Create(() => new SlowEcho(TimeSpan.FromMilliseconds(20))), "slow");

        Assert.Equal("hi!", scope.World.AskBlocking<string>(slow, "hi", Duration.FromSeconds(30)));
    }

    private sealed class SlowEcho : ReceiveActor, IWithTimers
    {
        public SlowEcho(TimeSpan delay)
        {
            Receive<string>(s =>
            {
                if (delay == TimeSpan.Zero) Sender.Tell(s + "!");
                else Timers.StartSingleTimer(s, new Reply(s + "!", Sender), delay);
            });
            Receive<Reply>(r => r.To.Tell(r.Text));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        private sealed record Reply(string Text, IActorRef To);
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class BlockingAsker : ReceiveActor
    {
        public BlockingAsker(IActorRef target, IActorRef probe) => Receive<string>(_ =>
        {
            try
            {
                target.AskBlocking<string>("x");
            }
            catch (ActorDeadlockException e)
            {
                probe.Tell(e);
            }
        });
    }

    private sealed class Failing : ReceiveActor
    {
        public Failing()
        {
            Receive<string>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("no"))));
            Receive<int>(i => Sender.Tell(i));
        }
    }
}
