using DmaActors.DmaTest;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.DmaTest;

public sealed class DmaTestModeTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void Polled_mode_waits_with_dma_sync_wait_and_passes_T8()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var result = rig.Run(new DmaTestParameters { Iterations = 12, Polled = true, Verbose = true });

        var thread = result.Threads.Single();
        Assert.Equal(12u, thread.Tests);
        Assert.Equal(0u, thread.Failures);
        Assert.Equal(12, thread.Lines.Count(l => l.Contains("'test passed'", StringComparison.Ordinal)));
        Assert.True(thread.RuntimeUs > 0);
    }

    [Fact]
    public void Memset_threads_fill_the_region_with_0xDE_and_pass_T3_T7_T11()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(ApiRig.MemcpyDevice(channels: 1));
        var filled = new List<byte[]>();
        var hooks = new DmaTestHooks
        {
            AfterTransfer = t =>
            {
                var region = new byte[t.Len];
                t.Memory.Read(t.DstAddress + (ulong)t.DstOff, region);
                filled.Add(region);
            },
        };

        var result = rig.Run(new DmaTestParameters { Iterations = 5, Dmatest = 1 }, hooks);

        var thread = result.Threads.Single();
        Assert.Equal("dma0chan0-set0", thread.Name);
        Assert.Equal(0u, thread.Failures);
        Assert.Equal(5, filled.Count);
        Assert.All(filled, region => Assert.All(region, b => Assert.Equal(0xDE, b)));
    }

    [Fact]
    public void Memset_mode_adds_no_threads_on_a_channel_without_memset_T3()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var result = rig.Run(new DmaTestParameters { Iterations = 5, Dmatest = 1 });

        Assert.Equal(["dma0chan0"], result.Channels);
        Assert.Contains("dmatest: Added 0 threads using dma0chan0", result.Lines);
        Assert.Contains("dmatest: Started 0 threads using dma0chan0", result.Lines);
        Assert.Empty(result.Threads);
    }

    [Fact]
    public void A_transfer_size_not_below_the_buffer_size_stops_the_thread_with_the_kernels_message_T6()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var thread = rig.Run(new DmaTestParameters { Iterations = 5, TransferSize = 16384 }).Threads.Single();

        Assert.Equal(
            [
                "dmatest: 16384-byte transfer size must be lower than 16384-buffer size",
                "dmatest: dma0chan0-copy0: summary 1 tests, 0 failures 0.00 iops 0 KB/s (0)",
            ],
            thread.Lines);
    }

    [Fact]
    public void A_given_transfer_size_is_not_rounded_but_offsets_are_T6()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var thread = rig.Run(new DmaTestParameters { Iterations = 20, TransferSize = 1001, Alignment = 3, Verbose = true }).Threads.Single();

        var results = thread.Lines.Where(l => l.Contains("result #", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, results.Count);
        Assert.All(results, l => Assert.Contains(" len=0x3e9 (0)", l, StringComparison.Ordinal));
        Assert.All(results, l => Assert.Equal(0, Offset(l, "src_off") % 8));
        Assert.All(results, l => Assert.Equal(0, Offset(l, "dst_off") % 8));
        Assert.Equal(0u, thread.Failures);
    }

    [Fact]
    public void Alignment_rounds_random_lengths_and_offsets_down_to_its_power_of_two_T6()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var thread = rig.Run(new DmaTestParameters { Iterations = 30, Alignment = 6, Verbose = true }).Threads.Single();

        var results = thread.Lines.Where(l => l.Contains("result #", StringComparison.Ordinal)).ToList();
        Assert.Equal(30, results.Count);
        Assert.All(results, l => Assert.Equal(0, Offset(l, "len") % 64));
        Assert.All(results, l => Assert.True(Offset(l, "len") >= 64));
        Assert.All(results, l => Assert.Equal(0, Offset(l, "src_off") % 64));
        Assert.All(results, l => Assert.Equal(0, Offset(l, "dst_off") % 64));
        Assert.Equal(0u, thread.Failures);
    }

    [Fact]
    public void An_alignment_beyond_the_buffer_fails_setup_with_ENOMEM_T5()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var thread = rig.Run(new DmaTestParameters { Iterations = 5, TestBufSize = 1024, Alignment = 11 }).Threads.Single();

        Assert.Equal(
            [
                "dmatest: 1024-byte buffer too small for 2048-byte alignment",
                "dmatest: dma0chan0-copy0: summary 0 tests, 0 failures 0.00 iops 0 KB/s (-12)",
            ],
            thread.Lines);
        Assert.Equal(-12, thread.Ret);
    }

    [Fact]
    public void A_zero_timeout_reports_each_test_as_timed_out_T8_T14()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var thread = rig.Run(new DmaTestParameters { Iterations = 2, Timeout = 0, Norandom = true, TestBufSize = 4096 }).Threads.Single();

        Assert.Equal("dmatest: dma0chan0-copy0: result #1: 'test timed out' with src_off=0x0 dst_off=0x0 len=0x1000 (0)", thread.Lines[0]);
        Assert.Equal(2u, thread.Failures);
    }

    [Fact]
    public void The_simulator_refuses_infinite_iterations()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var error = Assert.Throws<ArgumentException>(() => rig.Run(new DmaTestParameters()));

        Assert.Contains("iterations 0", error.Message, StringComparison.Ordinal);
    }

    private static int Offset(string line, string field)
    {
        int start = line.IndexOf(field + "=0x", StringComparison.Ordinal) + field.Length + 3;
        int end = line.IndexOfAny([' ', ')'], start);
        return Convert.ToInt32(line[start..end], 16);
    }
}
