using Akka.Actor;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>Akka's Stash works on the simulated world's mailbox (its queue has a front for unstashed messages).</summary>
public sealed class StashTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void Stashed_messages_come_back_first_and_in_order()
    {
        var probe = CreateTestProbe();
        var gate = Sys.ActorOf(Props.Create(() => new Gate(probe.Ref)), "gate");

        gate.Tell(1);
        gate.Tell(2);
        gate.Tell("open");
        gate.Tell(3);

        Assert.Equal([1, 2, 3], probe.ReceiveN(3, Duration.FromMilliseconds(1)).Cast<int>());
    }

    private sealed class Gate : ReceiveActor, IWithUnboundedStash
    {
        public Gate(IActorRef probe)
        {
            Receive<int>(_ => Stash.Stash());
            Receive<string>(_ =>
            {
                Become(() => Receive<int>(i => probe.Tell(i)));
                Stash.UnstashAll();
            });
        }

        public IStash Stash { get; set; } = null!;
    }
}
