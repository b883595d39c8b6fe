using DmaActors.Runtime.Events;
using DmaActors.Runtime.Supervision;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// Stash with Become: a gate that stashes while closed and, once open, replays the stash ahead of
/// everything that arrived meanwhile; stashing twice is a misuse; a restart puts the stash back
/// into the mailbox, a stop dead-letters it.
/// </summary>
public sealed class StashTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private static readonly Duration Quiet = Duration.FromSeconds(1);

    [Fact]
    public void UnstashAll_replays_the_stash_in_order_before_messages_that_arrived_later()
    {
        var probe = CreateTestProbe();
        var gate = Sys.ActorOf(Props.Create(() => new GateActor(probe.Ref)), "gate");
        gate.Tell(1);
        gate.Tell(2);
        gate.Tell(3);
        gate.Tell("open");
        gate.Tell(4);
        gate.Tell(5);

        Assert.Equal([1, 2, 3, 4, 5], probe.ReceiveN(5).Cast<int>());
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Stash_and_UnstashAll_work_across_several_close_open_cycles()
    {
        var probe = CreateTestProbe();
        var gate = Sys.ActorOf(Props.Create(() => new GateActor(probe.Ref)), "gate");
        gate.Tell(1);
        gate.Tell(2);
        RunUntilIdle();
        Assert.False(probe.HasMessages);

        gate.Tell(3);
        gate.Tell("open");
        gate.Tell(4);
        RunUntilIdle();
        gate.Tell("close");
        gate.Tell(5);
        gate.Tell(6);
        gate.Tell("open");

        Assert.Equal([1, 2, 3, 4, 5, 6], probe.ReceiveN(6).Cast<int>());
    }

    [Fact]
    public void Stashing_the_same_message_twice_fails_the_actor_with_IllegalActorStateException()
    {
        var failures = CreateTestProbe("failures");
        Sys.EventStream.Subscribe<ActorFailed>(failures.Ref);
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(new OneForOneStrategy(_ => Directive.Stop))), "parent");
        var gate = parent.AskBlocking<IActorRef>((Props.Create(() => new GateActor(CreateTestProbe().Ref)), "gate"));

        gate.Tell("stash-twice");

        var failed = failures.ExpectMsg<ActorFailed>();
        Assert.Equal(gate, failed.Child);
        var misuse = Assert.IsType<IllegalActorStateException>(failed.Cause);
        Assert.Contains("already stashed", misuse.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restart_puts_the_stash_back_into_the_mailbox()
    {
        var probe = CreateTestProbe();
        var gate = Sys.ActorOf(Props.Create(() => new GateActor(probe.Ref)), "gate");
        gate.Tell(1);
        gate.Tell(2);
        gate.Tell(new Fail(new InvalidOperationException("boom")));
        gate.Tell("open");
        gate.Tell(3);

        probe.ExpectMsg("restarted");
        // The new instance starts closed, stashes 1 and 2 again, and opens on "open".
        Assert.Equal([1, 2, 3], probe.ReceiveN(3).Cast<int>());
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void A_stop_dead_letters_the_stash()
    {
        var deadLetters = CreateTestProbe("dead-letters");
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        var gate = Sys.ActorOf(Props.Create(() => new GateActor(CreateTestProbe().Ref)), "gate");
        gate.Tell(1);
        gate.Tell(2);
        RunUntilIdle();

        Sys.Stop(gate);

        Assert.Equal(1, deadLetters.ExpectMsg<DeadLetter>(d => d.Recipient.Equals(gate)).Message);
        Assert.Equal(2, deadLetters.ExpectMsg<DeadLetter>(d => d.Recipient.Equals(gate)).Message);
        deadLetters.ExpectNoMsg(Quiet);
    }

    /// <summary>
    /// Closed: stashes everything but "open" (and throws on <see cref="Fail"/>); open: reports
    /// everything but "close". Starts closed, so again after a restart.
    /// </summary>
    private sealed class GateActor : Actor
    {
        private readonly IActorRef _reporter;

        public GateActor(IActorRef reporter)
        {
            _reporter = reporter;
            Become(Closed);
        }

        protected override void PostRestart(Exception reason) => _reporter.Tell("restarted");

        private void Closed()
        {
            Receive<Fail>(fail => throw fail.Cause);
            Receive<string>(text => text == "open", _ =>
            {
                Become(Open);
                Context.UnstashAll();
            });
            Receive<string>(text => text == "stash-twice", _ =>
            {
                Context.Stash();
                Context.Stash();
            });
            ReceiveAny(_ => Context.Stash());
        }

        private void Open()
        {
            Receive<Fail>(fail => throw fail.Cause);
            Receive<string>(text => text == "close", _ => Become(Closed));
            ReceiveAny(message => _reporter.Tell(message));
        }
    }
}
