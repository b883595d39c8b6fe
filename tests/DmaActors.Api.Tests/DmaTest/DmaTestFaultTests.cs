using System.Text.RegularExpressions;
using DmaActors.DmaTest;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.DmaTest;

public sealed class DmaTestFaultTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    /// <summary>Below the rig's RAM (which starts at 0x8000_0000): the controller takes a bus error there.</summary>
    private const ulong NotRam = 0x1000_0000;

    [Fact]
    public void A_bus_error_on_the_destination_is_a_completion_error_status_T8_T14()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));
        var hooks = new DmaTestHooks { DmaMapPage = (address, isSource) => isSource ? address : NotRam };

        var thread = rig.Run(new DmaTestParameters { Iterations = 3, Norandom = true, TestBufSize = 256 }, hooks).Threads.Single();

        Assert.Equal(
            [
                "dmatest: dma0chan0-copy0: result #1: 'completion error status' with src_off=0x0 dst_off=0x0 len=0x100 (0)",
                "dmatest: dma0chan0-copy0: result #2: 'completion error status' with src_off=0x0 dst_off=0x0 len=0x100 (0)",
                "dmatest: dma0chan0-copy0: result #3: 'completion error status' with src_off=0x0 dst_off=0x0 len=0x100 (0)",
            ],
            thread.Lines.Take(3));
        Assert.Matches(new Regex(@"^dmatest: dma0chan0-copy0: summary 3 tests, 3 failures \d+\.\d{2} iops \d+ KB/s \(0\)$"), thread.Summary);
    }

    [Fact]
    public void A_bus_error_in_polled_mode_is_reported_as_timed_out_because_only_complete_marks_done_T8_T14()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));
        var hooks = new DmaTestHooks { DmaMapPage = (address, isSource) => isSource ? NotRam : address };

        var thread = rig.Run(new DmaTestParameters { Iterations = 1, Norandom = true, TestBufSize = 256, Polled = true }, hooks).Threads.Single();

        // dma_sync_wait returns DMA_ERROR; the kernel sets done only on DMA_COMPLETE, so it reports a time-out.
        Assert.Equal("dmatest: dma0chan0-copy0: result #1: 'test timed out' with src_off=0x0 dst_off=0x0 len=0x100 (0)", thread.Lines[0]);
        Assert.Equal(1u, thread.Failures);
    }

    [Fact]
    public void Only_the_faulty_tests_fail_and_the_rest_pass_T14()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));
        int maps = 0;
        // Fault the destination of the second test only (two map calls per test).
        var hooks = new DmaTestHooks { DmaMapPage = (address, isSource) => ++maps == 4 ? NotRam : address };

        var result = rig.Run(new DmaTestParameters { Iterations = 4, Verbose = true }, hooks);

        var thread = result.Threads.Single();
        Assert.Equal(1u, thread.Failures);
        Assert.Contains("'completion error status'", thread.Lines[1], StringComparison.Ordinal);
        Assert.Equal(3, thread.Lines.Count(l => l.Contains("'test passed'", StringComparison.Ordinal)));
    }

    [Fact]
    public void Mapping_errors_are_reported_with_ENOMEM_T14()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));
        int maps = 0;
        var hooks = new DmaTestHooks
        {
            // Test 1 fails on its first map (source); test 2 maps its source, then fails on the destination.
            DmaMapPage = (address, isSource) => ++maps is 1 or 3 ? DmaTestHooks.DmaMappingError : address,
        };

        var thread = rig.Run(new DmaTestParameters { Iterations = 2, Norandom = true, TestBufSize = 128 }, hooks).Threads.Single();

        Assert.Equal(
            [
                "dmatest: dma0chan0-copy0: result #1: 'src mapping error' with src_off=0x0 dst_off=0x0 len=0x80 (-12)",
                "dmatest: dma0chan0-copy0: result #2: 'dst mapping error' with src_off=0x0 dst_off=0x0 len=0x80 (-12)",
            ],
            thread.Lines.Take(2));
        Assert.Equal(2u, thread.Failures);
    }
}
