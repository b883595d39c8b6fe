using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

public sealed class UartReceiveTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_115200_baud_uart_lands_one_second_of_characters_in_memory_byte_exact()
    {
        var (landed, memory, stats, pattern) = UartReceiveScenario.Run(Sys);

        Output?.WriteLine($"landed {landed} B, wire {stats.WireBytes} B, requests {stats.Requests}, overruns {stats.Overruns}");
        Assert.InRange(landed, UartReceiveScenario.CharactersPerSecond - 16, UartReceiveScenario.CharactersPerSecond);
        Assert.Equal(UartReceiveScenario.CharactersPerSecond, stats.WireBytes);
        Assert.Equal(pattern.Bytes(0, (int)landed), memory);
        Assert.Equal(0, stats.Overruns);
        Assert.Equal(landed, stats.DmaBytes);
        Assert.Equal(stats.WireBytes, stats.DmaBytes + stats.FifoLevel);
    }
}
