using DmaActors.Examples.SpiFullDuplex;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Examples;

/// <summary>The SPI full-duplex consumer example (examples/SpiFullDuplex) runs to the end and moves every byte both ways, on both dispatchers.</summary>
public sealed class SpiFullDuplexExampleTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Length = 256;

    [Fact]
    public void Run_on_the_deterministic_dispatcher_receives_every_byte_and_sends_every_byte()
    {
        AssertTransaction(SpiFullDuplexDriver.Run(Sys, Length));
    }

    [Fact]
    public void Run_under_20_schedules_of_the_deterministic_dispatcher_always_receives_every_byte()
    {
        var result = ExploreSchedules(20, system => AssertTransaction(SpiFullDuplexDriver.Run(system, Length)));
        Assert.Equal(20, result.Runs);
    }

    [Fact]
    public void Run_on_the_thread_pool_dispatcher_with_the_virtual_clock_receives_every_byte_and_sends_every_byte()
    {
        using var scope = new SimulationScope("spi-example-threadpool", new SimulationSettings { Dispatcher = DispatcherKind.ThreadPool, Clock = ClockKind.Virtual });
        AssertTransaction(SpiFullDuplexDriver.Run(scope.System, Length));
    }

    private static void AssertTransaction(SpiTransferResult result)
    {
        Assert.Equal(Length, result.Length);
        Assert.Equal(Length, result.RxBytesVerified);
        Assert.Equal(Length, result.TxWireBytes);
        Assert.Equal(0, result.TxMismatches);
        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), result.TxResult);
        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), result.RxResult);
        Assert.Matches("^dma0chan[0-9]+$", result.TxChannel);
        Assert.Matches("^dma0chan[0-9]+$", result.RxChannel);
        Assert.NotEqual(result.TxChannel, result.RxChannel);
    }
}
