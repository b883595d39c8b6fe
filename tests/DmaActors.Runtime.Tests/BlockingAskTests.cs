using DmaActors.Runtime.Time;

namespace DmaActors.Runtime.Tests;

public sealed class BlockingAskTests
{
    public static TheoryData<DispatcherKind, ClockKind> AllModes => new()
    {
        { DispatcherKind.Deterministic, ClockKind.Virtual },
        { DispatcherKind.ThreadPool, ClockKind.Virtual },
        { DispatcherKind.ThreadPool, ClockKind.Real },
    };

    [Theory]
    [MemberData(nameof(AllModes))]
    public void AskBlocking_from_a_plain_thread_gets_the_reply(DispatcherKind dispatcher, ClockKind clock)
    {
        using var system = ActorSystem.Create("ask", new ActorSystemSettings { Dispatcher = dispatcher, Clock = clock });
        var forward = system.ActorOf(Props.Create(() => new ForwardActor(system.ActorOf(Props.Create(() => new EchoActor())))));
        Assert.Equal("through two actors", forward.AskBlocking<string>("through two actors"));
    }

    [Theory]
    [MemberData(nameof(AllModes))]
    public void AskBlocking_inside_an_actor_does_not_reenter_the_blocked_actor(DispatcherKind dispatcher, ClockKind clock)
    {
        using var system = ActorSystem.Create("ask", new ActorSystemSettings { Dispatcher = dispatcher, Clock = clock });
        var slow = system.ActorOf(Props.Create(() => new DelayedEcho()), "slow");
        var asker = system.ActorOf(Props.Create(() => new BlockingAsker(slow)), "asker");

        // The first request blocks inside the asker; the second arrives meanwhile and must wait.
        asker.Tell("first");
        asker.Tell("second");
        var order = asker.AskBlocking<string>("report", Duration.FromSeconds(30));
        Assert.Equal("first:done,second:done,", order);
    }

    [Theory]
    [MemberData(nameof(AllModes))]
    public void An_actor_blocking_on_an_ask_to_itself_fails_fast_with_a_clear_message(DispatcherKind dispatcher, ClockKind clock)
    {
        using var system = ActorSystem.Create("ask", new ActorSystemSettings { Dispatcher = dispatcher, Clock = clock });
        var selfAsker = system.ActorOf(Props.Create(() => new SelfAsker()), "narcissus");
        var message = selfAsker.AskBlocking<string>("go", Duration.FromSeconds(30));
        Assert.Contains("/user/narcissus blocks on an ask to itself", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_of_actors_blocking_on_each_other_fails_fast_on_the_real_clock_thread_pool()
    {
        using var system = ActorSystem.Create("ask", new ActorSystemSettings { Clock = ClockKind.Real, AskTimeout = Duration.FromSeconds(60) });
        var a = system.ActorOf(Props.Create(() => new CycleMember()), "a");
        var b = system.ActorOf(Props.Create(() => new CycleMember()), "b");
        a.Tell(b);
        b.Tell(a);
        // a asks b, whose handler asks a back: one of the two must see the cycle.
        var outcome = a.AskBlocking<string>("start", Duration.FromSeconds(60));
        Assert.Contains("blocked waiting for", outcome, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DispatcherKind.Deterministic)]
    [InlineData(DispatcherKind.ThreadPool)]
    public void AskBlocking_that_nothing_can_ever_answer_fails_fast_instead_of_hanging(DispatcherKind dispatcher)
    {
        using var system = ActorSystem.Create("ask", new ActorSystemSettings { Dispatcher = dispatcher, Clock = ClockKind.Virtual, AskTimeout = Duration.FromSeconds(3600) });
        var mute = system.ActorOf(Props.Create(() => new MuteActor()), "mute");
        var failure = Assert.Throws<ActorDeadlockException>(() => mute.AskBlocking<int>("anyone?"));
        Assert.Contains("Ask<Int32> of /user/mute with String", failure.Message, StringComparison.Ordinal);
        Assert.Contains("no actor has work and no timer is pending", failure.Message, StringComparison.Ordinal);
        // It failed without letting the hour-long time-out pass.
        Assert.Equal(Duration.Zero, system.Clock.Now);
    }

    [Fact]
    public void AskBlocking_times_out_in_virtual_time_while_other_timers_keep_the_system_alive()
    {
        using var system = ActorSystem.Create("ask", ActorSystemSettings.Deterministic());
        system.ActorOf(Props.Create(() => new Ticker()), "ticker").Tell("start");
        var mute = system.ActorOf(Props.Create(() => new MuteActor()));
        Assert.Throws<AskTimeoutException>(() => mute.AskBlocking<int>("anyone?", Duration.FromMilliseconds(50)));
        Assert.Equal(Duration.FromMilliseconds(50), system.Clock.Now);
    }

    private sealed class MuteActor : Actor
    {
        public MuteActor() => ReceiveAny(_ => { });
    }

    private sealed class Ticker : Actor
    {
        public Ticker()
        {
            Receive<string>(s => s == "start", _ => Context.Timers.StartPeriodicTimer("tick", "tick", Duration.FromMilliseconds(1)));
            Receive<string>(_ => { });
        }
    }

    private sealed class DelayedEcho : Actor
    {
        public DelayedEcho()
        {
            // Replies after 1 ms of system time, so the asker really has to wait.
            Receive<string>(text =>
            {
                Context.Timers.StartSingleTimer(text, new Reply(text, Sender), Duration.FromMilliseconds(1));
            });
            Receive<Reply>(r => r.To.Tell(r.Text + ":done"));
        }

        private sealed record Reply(string Text, IActorRef To);
    }

    private sealed class BlockingAsker : Actor
    {
        public BlockingAsker(IActorRef slow)
        {
            string order = "";
            bool busy = false;
            Receive<string>(s => s == "report", _ => Sender.Tell(order));
            Receive<string>(request =>
            {
                if (busy) order += "REENTERED,";
                busy = true;
                order += slow.AskBlocking<string>(request, Duration.FromSeconds(30)) + ",";
                busy = false;
            });
        }
    }

    private sealed class SelfAsker : Actor
    {
        public SelfAsker() =>
            Receive<string>(_ =>
            {
                try
                {
                    Self.AskBlocking<string>("again");
                    Sender.Tell("no error");
                }
                catch (ActorDeadlockException e)
                {
                    Sender.Tell(e.Message);
                }
            });
    }

    private sealed class CycleMember : Actor
    {
        public CycleMember()
        {
            IActorRef? partner = null;
            Receive<IActorRef>(p => partner = p);
            Receive<string>(s => s == "start", _ =>
            {
                try
                {
                    Sender.Tell(partner!.AskBlocking<string>("call-back", Duration.FromSeconds(60)));
                }
                catch (ActorDeadlockException e)
                {
                    Sender.Tell(e.Message);
                }
            });
            Receive<string>(s => s == "call-back", _ =>
            {
                try
                {
                    Sender.Tell(partner!.AskBlocking<string>("ping", Duration.FromSeconds(60)));
                }
                catch (ActorDeadlockException e)
                {
                    Sender.Tell(new Status.Failure(e));
                }
            });
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }
    }
}
