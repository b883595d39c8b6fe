using DmaActors.Examples.CustomController;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Examples;

/// <summary>The custom-controller provider example (examples/CustomController) registers, serves a memcpy, is refused when buggy and unregisters, on both dispatchers.</summary>
public sealed class CustomControllerExampleTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Length = 4096;

    [Fact]
    public void Run_on_the_deterministic_dispatcher_copies_every_byte_and_shows_the_refusal()
    {
        AssertRun(CustomControllerDriver.Run(Sys, Length));
    }

    [Fact]
    public void Run_under_20_schedules_of_the_deterministic_dispatcher_always_copies_every_byte()
    {
        var result = ExploreSchedules(20, system => AssertRun(CustomControllerDriver.Run(system, Length)));
        Assert.Equal(20, result.Runs);
    }

    [Fact]
    public void Run_on_the_thread_pool_dispatcher_with_the_virtual_clock_copies_every_byte_and_shows_the_refusal()
    {
        using var scope = new SimulationScope("custom-controller-example-threadpool", new SimulationSettings { Dispatcher = DispatcherKind.ThreadPool, Clock = ClockKind.Virtual });
        AssertRun(CustomControllerDriver.Run(scope.System, Length));
    }

    [Fact]
    public void Describe_passes_the_kernels_validation_and_declares_what_the_example_says()
    {
        var description = CustomControllerDriver.Describe();
        Assert.Equal(DmaCapMask.Memcpy | DmaCapMask.Memset | DmaCapMask.Slave, description.CapMask);
        Assert.Equal(8, description.ChannelCount);
        Assert.Equal(DmaResidueGranularity.Segment, description.ResidueGranularity);
        var rig = new ApiRig(Sys);
        var device = rig.Engine.DmaAsyncDeviceRegister(description);
        Assert.Equal(32, rig.Engine.RequestChannel(DmaCapMask.Slave, null, null)!.GetSlaveCaps().MaxBurst);
        Assert.Equal(8, device.ChannelNames.Count);
    }

    private static void AssertRun(CustomControllerResult result)
    {
        Assert.Equal(0, result.DevId);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"dma0chan{i}"), result.ChannelNames);
        Assert.Equal("dma0chan0", result.ClientChannel);
        Assert.Equal(Length, result.MemcpyBytesVerified);
        Assert.True(result.CallbackRan);
        Assert.Equal("EIO", result.RefusedErrno);
        Assert.Contains("Device claims capability DMA_CYCLIC, but op is not defined", result.RefusedMessage, StringComparison.Ordinal);
        Assert.Contains("prep_dma_cyclic", result.RefusedMessage, StringComparison.Ordinal);
        Assert.Equal(0, result.DevicesAfterUnregister);
    }
}
