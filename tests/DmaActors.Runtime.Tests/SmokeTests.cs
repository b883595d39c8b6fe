using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

public sealed class SmokeTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void Echo_replies_to_the_probe()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        TestActor.Send(echo, "hello");
        Assert.Equal("hello", TestActor.ExpectMsg<string>());
        Assert.Equal(echo, TestActor.LastSender);
    }

    [Fact]
    public void AskBlocking_works_under_the_deterministic_dispatcher()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Assert.Equal(42, echo.AskBlocking<int>(42));
    }

    [Fact]
    public void AskBlocking_works_on_the_thread_pool_with_the_real_clock()
    {
        using var system = ActorSystem.Create("real", new ActorSystemSettings { Clock = ClockKind.Real });
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        Assert.Equal(7, echo.AskBlocking<int>(7));
    }

    [Fact]
    public void AskBlocking_works_on_the_thread_pool_with_the_virtual_clock()
    {
        using var system = ActorSystem.Create("virt");
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        Assert.Equal(7, echo.AskBlocking<int>(7));
    }
}
