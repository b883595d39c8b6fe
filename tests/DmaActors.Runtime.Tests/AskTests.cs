using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// Ask and AskBlocking: the reply, and every way an ask can fail (wrong type, a
/// <see cref="Status.Failure"/>, time-out in virtual time, a stopped recipient, cancellation, and
/// the deadlocks a blocking ask detects instead of hanging). Under the deterministic dispatcher
/// nothing runs unless driven, so each test drives the system before reading a task.
/// </summary>
public sealed class AskTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        var reply = echo.Ask<int>(42);

        DriveUntilCompleted(reply);
        Assert.Equal(42, await reply);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_fails_the_ask_with_InvalidCastException()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        var reply = echo.Ask<int>("not a number");

        DriveUntilCompleted(reply);
        var failure = await Assert.ThrowsAsync<InvalidCastException>(() => reply);
        Assert.Contains("Ask<Int32> of /user/echo with String got a String reply", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Status_Failure_reply_fails_the_ask_with_its_cause()
    {
        var cause = new InvalidOperationException("no such register");
        var refuser = Sys.ActorOf(Props.Create(() => new RefusingActor(cause)), "refuser");

        var reply = refuser.Ask<int>("read");

        DriveUntilCompleted(reply);
        Assert.Same(cause, await Assert.ThrowsAsync<InvalidOperationException>(() => reply));
    }

    [Fact]
    public async Task An_unanswered_ask_times_out_after_exactly_its_timeout_of_virtual_time()
    {
        var mute = Sys.ActorOf(Props.Create(() => new MuteActor()), "mute");
        var start = Sys.Clock.Now;

        var reply = mute.Ask<int>("anyone?", Duration.FromMilliseconds(250));

        DriveUntilCompleted(reply);
        var failure = await Assert.ThrowsAsync<AskTimeoutException>(() => reply);
        Assert.Contains("/user/mute", failure.Message, StringComparison.Ordinal);
        Assert.Equal(start + Duration.FromMilliseconds(250), Sys.Clock.Now);
    }

    [Fact]
    public async Task Asking_a_stopped_actor_fails_at_once_with_AskRecipientStoppedException()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        Sys.Stop(echo);
        var stopped = Sys.WhenTerminated(echo);
        DriveUntilCompleted(stopped);
        var before = Sys.Clock.Now;

        var reply = echo.Ask<int>(1);

        // Nothing driven, no time passed: the undeliverable question failed the ask on the spot.
        Assert.True(reply.IsCompleted);
        var failure = await Assert.ThrowsAsync<AskRecipientStoppedException>(() => reply);
        Assert.Contains("/user/echo", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before, Sys.Clock.Now);
    }

    [Fact]
    public async Task An_ask_whose_recipient_stops_before_answering_fails_without_waiting_for_the_timeout()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        var reply = echo.Ask<int>(1);
        Sys.Stop(echo); // overtakes the question, which goes to dead letters

        DriveUntilCompleted(reply);
        await Assert.ThrowsAsync<AskRecipientStoppedException>(() => reply);
        Assert.Equal(Duration.Zero, Sys.Clock.Now);
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_ask()
    {
        var mute = Sys.ActorOf(Props.Create(() => new MuteActor()), "mute");
        using var cancellation = new CancellationTokenSource();

        var reply = mute.Ask<int>("anyone?", cancellationToken: cancellation.Token);
        RunUntilIdle();
        Assert.False(reply.IsCompleted);
        await cancellation.CancelAsync();

        Assert.True(reply.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reply);
        Assert.Equal(Duration.Zero, Sys.Clock.Now);
    }

    [Fact]
    public void AskBlocking_returns_the_reply_once_virtual_time_has_brought_it()
    {
        var delayer = Sys.ActorOf(Props.Create(() => new DelayedReplyActor(Duration.FromMilliseconds(7))), "delayer");

        Assert.Equal("done", delayer.AskBlocking<string>("go"));
        Assert.Equal(Duration.FromMilliseconds(7), Sys.Clock.Now);
    }

    [Fact]
    public void AskBlocking_rethrows_a_Status_Failure_cause()
    {
        var cause = new InvalidOperationException("no such register");
        var refuser = Sys.ActorOf(Props.Create(() => new RefusingActor(cause)), "refuser");

        Assert.Same(cause, Assert.Throws<InvalidOperationException>(() => refuser.AskBlocking<int>("read")));
    }

    [Fact]
    public void AskBlocking_from_an_actor_to_itself_fails_with_ActorDeadlockException()
    {
        var narcissus = Sys.ActorOf(Props.Create(() => new SelfAskingActor()), "narcissus");

        // The actor catches the deadlock and replies with it as a Status.Failure.
        var failure = Assert.Throws<ActorDeadlockException>(() => narcissus.AskBlocking<string>("go"));

        Assert.Contains("/user/narcissus blocks on an ask to itself", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AskBlocking_that_nothing_can_ever_answer_fails_with_ActorDeadlockException_naming_the_target()
    {
        var mute = Sys.ActorOf(Props.Create(() => new MuteActor()), "mute");

        var failure = Assert.Throws<ActorDeadlockException>(() => mute.AskBlocking<int>("anyone?"));

        Assert.Contains("/user/mute", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the reply can never come", failure.Message, StringComparison.Ordinal);
        // Detected at quiescence, not by letting the ask's own timeout run out.
        Assert.Equal(Duration.Zero, Sys.Clock.Now);
    }

    [Fact]
    public void AskBlocking_times_out_in_virtual_time_when_the_reply_would_come_too_late()
    {
        var delayer = Sys.ActorOf(Props.Create(() => new DelayedReplyActor(Duration.FromSeconds(10))), "delayer");

        Assert.Throws<AskTimeoutException>(() => delayer.AskBlocking<string>("go", Duration.FromSeconds(1)));
        Assert.Equal(Duration.FromSeconds(1), Sys.Clock.Now);
    }

    private void DriveUntilCompleted(Task task) =>
        Assert.Equal(RunOutcome.ConditionMet, Sys.RunUntil(() => task.IsCompleted, Duration.FromSeconds(10)));

    private sealed class MuteActor : Actor
    {
        public MuteActor() => ReceiveAny(_ => { });
    }

    /// <summary>Answers everything with a <see cref="Status.Failure"/> carrying <c>cause</c>.</summary>
    private sealed class RefusingActor : Actor
    {
        public RefusingActor(Exception cause) => ReceiveAny(_ => Sender.Tell(new Status.Failure(cause)));
    }

    /// <summary>Blocks on an ask to itself and answers with the resulting failure.</summary>
    private sealed class SelfAskingActor : Actor
    {
        public SelfAskingActor() =>
            ReceiveAny(message =>
            {
                try
                {
                    Sender.Tell(Self.AskBlocking<string>(message));
                }
                catch (ActorDeadlockException deadlock)
                {
                    Sender.Tell(new Status.Failure(deadlock));
                }
            });
    }
}
