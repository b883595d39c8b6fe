using Akka.Actor;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>The world's message tracer sees every message an actor takes, with its virtual time, on both dispatchers.</summary>
public sealed class TracerTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Theory]
    [InlineData(DispatcherKind.Deterministic)]
    [InlineData(DispatcherKind.ThreadPool)]
    public void The_tracer_sees_each_receive_with_its_recipient_and_time(DispatcherKind dispatcher)
    {
        using var scope = new SimulationScope("scope", new SimulationSettings { Dispatcher = dispatcher });
        var tracer = new Recorder(scope.World.Clock);
        scope.World.Tracer = tracer;
        var echo = scope.System.ActorOf(Props.Create(() => new Echo()), "echo");
        scope.World.Advance(Duration.FromMicroseconds(4));

        Assert.Equal(7, scope.World.AskBlocking<int>(echo, 7));

        Assert.Contains(tracer.Seen, s => s.Recipient == "/user/echo" && s.Message is 7 && s.At == 4_000);
    }

    private sealed class Recorder(IClock clock) : IMessageTracer
    {
        private readonly List<(string Recipient, object Message, long At)> _seen = [];

        public IReadOnlyList<(string Recipient, object Message, long At)> Seen
        {
            get { lock (_seen) return [.. _seen]; }
        }

        public void OnReceive(IActorRef recipient, object message, IActorRef sender)
        {
            lock (_seen) _seen.Add((recipient.Path.ToStringWithoutAddress(), message, clock.NowNanoseconds));
        }
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<int>(i => Sender.Tell(i));
    }
}
