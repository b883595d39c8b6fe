using DmaActors.Runtime.Events;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// The event stream: subscription by type (subclasses included), unsubscription, and the kernel's
/// own events: <see cref="DeadLetter"/> and <see cref="UnhandledMessage"/>.
/// </summary>
public sealed class EventStreamTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private static readonly Duration Quiet = Duration.FromSeconds(1);

    [Fact]
    public void A_subscriber_to_a_base_type_receives_its_subclasses()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<BusEvent>(probe.Ref);

        Sys.EventStream.Publish(new BusEvent("plain"));
        Sys.EventStream.Publish(new BusError("parity", 3));
        Sys.EventStream.Publish("not a bus event");

        Assert.Equal(new BusEvent("plain"), probe.ExpectMsg<BusEvent>());
        Assert.Equal(new BusError("parity", 3), probe.ExpectMsg<BusError>());
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void A_subscriber_to_a_subclass_does_not_receive_the_base_type()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<BusError>(probe.Ref);

        Sys.EventStream.Publish(new BusEvent("plain"));
        Sys.EventStream.Publish(new BusError("parity", 3));

        Assert.Equal(new BusError("parity", 3), probe.ExpectMsg<BusError>());
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Subscribing_twice_to_the_same_type_delivers_each_event_once()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<BusEvent>(probe.Ref);
        Sys.EventStream.Subscribe<BusEvent>(probe.Ref);

        Sys.EventStream.Publish(new BusEvent("once"));

        probe.ExpectMsg<BusEvent>();
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Unsubscribe_from_one_type_stops_that_delivery_only()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<BusEvent>(probe.Ref);
        Sys.EventStream.Subscribe<string>(probe.Ref);

        Sys.EventStream.Unsubscribe(probe.Ref, typeof(BusEvent));
        Sys.EventStream.Publish(new BusEvent("unheard"));
        Sys.EventStream.Publish("still heard");

        probe.ExpectMsg("still heard");
        probe.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Unsubscribe_from_every_type_stops_all_delivery()
    {
        var probe = CreateTestProbe();
        var other = CreateTestProbe("other");
        Sys.EventStream.Subscribe<BusEvent>(probe.Ref);
        Sys.EventStream.Subscribe<string>(probe.Ref);
        Sys.EventStream.Subscribe<string>(other.Ref);

        Sys.EventStream.Unsubscribe(probe.Ref);
        Sys.EventStream.Publish(new BusEvent("unheard"));
        Sys.EventStream.Publish("unheard by probe");

        probe.ExpectNoMsg(Quiet);
        other.ExpectMsg("unheard by probe"); // other subscribers keep theirs
    }

    [Fact]
    public void A_message_without_a_handler_is_published_as_UnhandledMessage()
    {
        var unhandled = CreateTestProbe("unhandled");
        Sys.EventStream.Subscribe<UnhandledMessage>(unhandled.Ref);
        var probe = CreateTestProbe();
        var numbers = Sys.ActorOf(Props.Create(() => new NumbersOnlyActor()), "numbers");

        probe.Send(numbers, "text");

        var letter = unhandled.ExpectMsg<UnhandledMessage>();
        Assert.Equal("text", letter.Message);
        Assert.Equal(probe.Ref, letter.Sender);
        Assert.Equal(numbers, letter.Recipient);
        // Unhandled is not a failure: the actor goes on.
        probe.Send(numbers, 20);
        probe.ExpectMsg(21);
    }

    [Fact]
    public void A_message_to_a_stopped_actor_is_published_as_DeadLetter_with_sender_and_recipient()
    {
        var deadLetters = CreateTestProbe("dead-letters");
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        var probe = CreateTestProbe();
        var numbers = Sys.ActorOf(Props.Create(() => new NumbersOnlyActor()), "numbers");
        probe.Watch(numbers);
        Sys.Stop(numbers);
        probe.ExpectTerminated(numbers);

        probe.Send(numbers, 7);

        var letter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal(7, letter.Message);
        Assert.Equal(probe.Ref, letter.Sender);
        Assert.Equal(numbers, letter.Recipient);
    }

    [Fact]
    public void A_message_to_DeadLetters_is_published_as_DeadLetter()
    {
        var deadLetters = CreateTestProbe("dead-letters");
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);

        Sys.DeadLetters.Tell("lost");

        var letter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("lost", letter.Message);
        Assert.Equal(Sys.DeadLetters, letter.Recipient);
    }

    private record BusEvent(string What);

    private sealed record BusError(string What, int Channel) : BusEvent(What);

    /// <summary>Answers an int with the next one; has no handler for anything else.</summary>
    private sealed class NumbersOnlyActor : Actor
    {
        public NumbersOnlyActor() => Receive<int>(n => Sender.Tell(n + 1));
    }
}
