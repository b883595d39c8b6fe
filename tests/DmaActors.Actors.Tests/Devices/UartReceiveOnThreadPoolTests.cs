using Akka.Actor;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

/// <summary>The UART receive scenario with real concurrency: virtual time must make it come out the same.</summary>
public sealed class UartReceiveOnThreadPoolTests(ITestOutputHelper output)
    : SimulationTestKit(output, new SimulationSettings { Dispatcher = DispatcherKind.ThreadPool, Clock = ClockKind.Virtual })
{
    [Fact]
    public void The_uart_receive_lands_the_same_bytes_under_the_thread_pool_dispatcher()
    {
        var (landed, memory, stats, pattern) = UartReceiveScenario.Run(Sys);

        Output?.WriteLine($"thread pool: landed {landed} B, wire {stats.WireBytes} B, requests {stats.Requests}, overruns {stats.Overruns}");
        Assert.InRange(landed, UartReceiveScenario.CharactersPerSecond - 16, UartReceiveScenario.CharactersPerSecond);
        Assert.Equal(UartReceiveScenario.CharactersPerSecond, stats.WireBytes);
        Assert.Equal(pattern.Bytes(0, (int)landed), memory);
        Assert.Equal(0, stats.Overruns);
    }
}
