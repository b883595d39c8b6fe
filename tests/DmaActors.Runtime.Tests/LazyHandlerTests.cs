using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// ReceiveLazily: handlers registered when the first message arrives, after any registered
/// directly; Become drops them if they were never built.
/// </summary>
public sealed class LazyHandlerTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void Lazily_registered_handlers_take_messages_from_the_first_one_on()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Lazy(probe.Ref)));

        actor.Tell(1);
        actor.Tell("a");
        actor.Tell(2);

        Assert.Equal("int 1", probe.ExpectMsg<string>());
        Assert.Equal("direct a", probe.ExpectMsg<string>());
        Assert.Equal("int 2", probe.ExpectMsg<string>());
    }

    [Fact]
    public void Directly_registered_handlers_come_first()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Lazy(probe.Ref)));

        actor.Tell("first");
        actor.Tell(3);

        Assert.Equal("direct first", probe.ExpectMsg<string>());
        Assert.Equal("int 3", probe.ExpectMsg<string>());
    }

    private sealed class Lazy : Actor
    {
        public Lazy(IActorRef probe)
        {
            Receive<string>(s => probe.Tell("direct " + s));
            ReceiveLazily(() =>
            {
                Receive<int>(i => probe.Tell($"int {i}"));
                Receive<string>(s => probe.Tell("lazy " + s));
            });
        }
    }
}
