using DmaActors.Examples.CameraDmaBuf;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Examples;

/// <summary>
/// The camera → display zero-copy example (examples/CameraDmaBuf): every frame reaches the panel
/// byte for byte, ordered by the writer's and readers' fences (DB-10, DB-11), from one CMA buffer
/// (CMA-6) shared as a dma-buf (DB-3, DB-4), on both dispatchers.
/// </summary>
public sealed class CameraDmaBufExampleTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static readonly CameraPipelineOptions Options = new() { Frames = 6, Width = 160, Height = 120 };

    [Fact]
    public void Run_on_the_deterministic_dispatcher_shows_every_frame_byte_exact_DB_11()
    {
        AssertPipeline(CameraDisplayPipeline.Run(Sys, Options));
    }

    [Fact]
    public void Run_under_10_schedules_of_the_deterministic_dispatcher_always_shows_every_frame_DB_11()
    {
        var result = ExploreSchedules(10, system => AssertPipeline(CameraDisplayPipeline.Run(system, Options)));
        Assert.Equal(10, result.Runs);
    }

    [Fact]
    public void Run_on_the_thread_pool_dispatcher_with_the_virtual_clock_shows_every_frame_byte_exact_DB_11()
    {
        using var scope = new SimulationScope("camera-example-threadpool", new SimulationSettings { Dispatcher = DispatcherKind.ThreadPool, Clock = ClockKind.Virtual });
        AssertPipeline(CameraDisplayPipeline.Run(scope.System, Options));
    }

    private static void AssertPipeline(CameraPipelineResult result)
    {
        Assert.Equal(Options.Frames, result.Frames);
        Assert.Equal(Options.Frames, result.FramesVerified);
        Assert.Equal(Options.Frames, result.LatenciesNs.Count);
        Assert.All(result.LatenciesNs, ns => Assert.True(ns > 0));
        Assert.True(result.MegabytesPerSecond > 0);
        // One CMA run: the camera (no IOMMU) sees it at its physical address, the display at an IOVA.
        Assert.Equal("reserved", result.CmaArea);
        Assert.Equal((ulong)((Options.FrameBytes + 4095) / 4096), result.CmaAllocPagesSuccess);
        Assert.Equal(0UL, result.CmaAllocPagesFail);
        Assert.Equal(1, result.CameraSegments);
        Assert.Equal(1, result.DisplaySegments);
        Assert.NotEqual(result.BufferPhys, result.DisplayIova);
        Assert.Equal((Options.FrameBytes + 4095) / 4096 + ((Options.FrameBytes + 4095) / 4096), result.IommuPagesAtPeak); // the frame, and the panel memory
        // No copy: nothing bounced, nothing misused, the buffer freed at the last put.
        Assert.Equal(0, result.SwiotlbBounces);
        Assert.Equal(0, result.DebugReports);
        Assert.True(result.BufferReleased);
    }
}
