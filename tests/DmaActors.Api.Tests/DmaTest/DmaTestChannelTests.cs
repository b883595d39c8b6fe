using DmaActors.DmaTest;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.DmaTest;

public sealed class DmaTestChannelTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_named_channel_is_the_only_one_taken_T2()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly("first"));
        rig.Register(DmaTestRig.MemcpyOnly("second"));

        var result = rig.Run(new DmaTestParameters { Iterations = 3, Channel = "dma1chan2" });

        Assert.Equal(["dma1chan2"], result.Channels);
        Assert.Equal("dmatest: Added 1 threads using dma1chan2", result.Lines[0]);
        Assert.Equal("dma1chan2-copy0", result.Threads.Single().Name);
    }

    [Fact]
    public void A_device_name_takes_only_that_devices_channels_T2()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly("first", channels: 2));
        rig.Register(DmaTestRig.MemcpyOnly("second", channels: 2));

        var result = rig.Run(new DmaTestParameters { Iterations = 2, Device = "second" });

        Assert.Equal(["dma1chan0", "dma1chan1"], result.Channels);
    }

    [Fact]
    public void A_named_channel_that_cannot_be_taken_stops_the_run_T4()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly());

        var result = rig.Run(new DmaTestParameters { Iterations = 3, Channel = "dma7chan0" });

        Assert.Equal(["dmatest: Channel misconfigured, can't continue"], result.Lines);
        Assert.Equal("EBUSY", result.Errno);
        Assert.Empty(result.Threads);
    }

    [Fact]
    public void Max_channels_limits_the_channels_taken_T2()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 4));

        var result = rig.Run(new DmaTestParameters { Iterations = 2, MaxChannels = 2 });

        Assert.Equal(["dma0chan0", "dma0chan1"], result.Channels);
        Assert.Equal(2, result.Threads.Count);
    }

    [Fact]
    public void Max_channels_is_checked_per_type_pass_so_the_memset_pass_takes_one_more_T2()
    {
        // The kernel checks the limit only after adding a channel, in each of its per-type loops.
        var rig = new DmaTestRig(Sys);
        rig.Register(ApiRig.MemcpyDevice(channels: 4));

        var result = rig.Run(new DmaTestParameters { Iterations = 2, MaxChannels = 1 });

        Assert.Equal(["dma0chan0", "dma0chan1"], result.Channels);
    }

    [Fact]
    public void Two_channels_with_two_threads_each_run_four_threads_T3()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 2));

        var result = rig.Run(new DmaTestParameters { Iterations = 25, ThreadsPerChan = 2 });

        Assert.Equal(
            [
                "dmatest: No channels configured, continue with any",
                "dmatest: Added 2 threads using dma0chan0",
                "dmatest: Added 2 threads using dma0chan1",
                "dmatest: Started 2 threads using dma0chan0",
                "dmatest: Started 2 threads using dma0chan1",
            ],
            result.Lines.Take(5));
        Assert.Equal(["dma0chan0-copy0", "dma0chan0-copy1", "dma0chan1-copy0", "dma0chan1-copy1"], result.Threads.Select(t => t.Name));
        Assert.All(result.Threads, t => Assert.Equal(25u, t.Tests));
        Assert.Equal(0, result.Failures);
        Assert.Equal(100, result.Tests);
    }

    [Fact]
    public void Channels_are_released_after_the_run_T9()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 2));

        rig.Run(new DmaTestParameters { Iterations = 2 });

        Assert.NotNull(rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null));
        Assert.NotNull(rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null));
    }

    [Fact]
    public void The_same_seed_gives_the_same_tests_and_another_seed_others()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));
        var p = new DmaTestParameters { Iterations = 10, Verbose = true, Seed = 42 };

        var first = rig.Run(p).Threads.Single().Lines;
        var again = rig.Run(p).Threads.Single().Lines;
        var other = rig.Run(p with { Seed = 43 }).Threads.Single().Lines;

        Assert.Equal(first, again);
        Assert.NotEqual(first.Take(10), other.Take(10));
    }

    [Fact]
    public void Long_thread_names_are_cut_to_15_characters_like_a_task_comm_T3()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 11));

        var result = rig.Run(new DmaTestParameters { Iterations = 1, Channel = "dma0chan10" });

        Assert.Equal("dma0chan10-copy", result.Threads.Single().Name);
    }
}
