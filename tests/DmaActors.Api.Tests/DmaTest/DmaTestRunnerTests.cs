using System.Text.RegularExpressions;
using DmaActors.DmaTest;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.DmaTest;

public sealed partial class DmaTestRunnerTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [GeneratedRegex(@"^dmatest: (?<thread>\S+): summary (?<tests>\d+) tests, (?<failures>\d+) failures (?<iops>\d+\.\d{2}) iops (?<kbs>\d+) KB/s \((?<ret>-?\d+)\)$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^dmatest: (?<thread>\S+): result #(?<n>\d+): '(?<msg>[^']+)' with src_off=0x(?<src>[0-9a-f]+) dst_off=0x(?<dst>[0-9a-f]+) len=0x(?<len>[0-9a-f]+) \((?<data>-?\d+)\)$")]
    private static partial Regex ResultLine();

    [Fact]
    public void A_quiet_memcpy_run_prints_the_setup_lines_and_one_summary_T3_T14_T15()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var result = rig.Run(new DmaTestParameters { Iterations = 20 });

        Assert.Equal("dmatest: No channels configured, continue with any", result.Lines[0]);
        Assert.Equal("dmatest: Added 1 threads using dma0chan0", result.Lines[1]);
        Assert.Equal("dmatest: Started 1 threads using dma0chan0", result.Lines[2]);
        Assert.Equal(4, result.Lines.Count);
        var summary = SummaryLine().Match(result.Lines[3]);
        Assert.True(summary.Success, result.Lines[3]);
        Assert.Equal("dma0chan0-copy0", summary.Groups["thread"].Value);
        Assert.Equal("20", summary.Groups["tests"].Value);
        Assert.Equal("0", summary.Groups["failures"].Value);
        Assert.Equal("0", summary.Groups["ret"].Value);
        Assert.Equal(rig.Log.ToString(), string.Concat(result.Lines.Select(l => l + Environment.NewLine)));
    }

    [Fact]
    public void The_summary_rates_come_from_the_virtual_runtime_in_fixed_point_T15()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var thread = rig.Run(new DmaTestParameters { Iterations = 10 }).Threads.Single();

        Assert.True(thread.RuntimeUs > 0);
        ulong iops = DmaTestFixedPoint.PerSec(thread.RuntimeUs, 10);
        Assert.Equal(iops, thread.IopsFixedPoint);
        Assert.Equal(DmaTestFixedPoint.KBs(thread.RuntimeUs, thread.TotalLen), thread.KBs);
        Assert.Equal(
            $"dmatest: dma0chan0-copy0: summary 10 tests, 0 failures {iops >> 8}.{((iops & 0xff) * 100) >> 8:D2} iops {thread.KBs} KB/s (0)",
            thread.Summary);
    }

    [Fact]
    public void Verbose_prints_a_test_passed_line_per_test_in_the_kernels_format_T14()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var thread = rig.Run(new DmaTestParameters { Iterations = 8, Verbose = true }).Threads.Single();

        var results = thread.Lines.Take(8).Select(l => ResultLine().Match(l)).ToList();
        Assert.All(results, m => Assert.True(m.Success));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), results.Select(m => m.Groups["n"].Value));
        Assert.All(results, m => Assert.Equal("test passed", m.Groups["msg"].Value));
        Assert.All(results, m => Assert.Equal("0", m.Groups["data"].Value));
        Assert.All(results, m => Assert.InRange(Convert.ToInt32(m.Groups["len"].Value, 16), 1, 16384));
        Assert.Matches(SummaryLine(), thread.Lines[8]);
    }

    [Fact]
    public void Norandom_copies_the_whole_buffer_at_offset_zero_T6()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var thread = rig.Run(new DmaTestParameters { Iterations = 2, Norandom = true, Verbose = true, TestBufSize = 4096 }).Threads.Single();

        Assert.StartsWith("dmatest: dma0chan0-copy0: result #1: 'test passed' with src_off=0x0 dst_off=0x0 len=0x1000 (0)", thread.Lines[0], StringComparison.Ordinal);
        Assert.Equal(8192UL, thread.TotalLen);
    }

    [Fact]
    public void A_corrupted_destination_is_reported_as_a_data_error_with_the_mismatch_T12_T13_T14()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));
        var hooks = new DmaTestHooks
        {
            AfterTransfer = t =>
            {
                if (t.Test == 1) t.Memory.Write(t.DstAddress + 0x10, [0x00]);
            },
        };

        var thread = rig.Run(new DmaTestParameters { Iterations = 2, Norandom = true, TestBufSize = 256 }, hooks).Threads.Single();

        Assert.Equal(
            [
                "dmatest: dma0chan0-copy0: dstbuf[0x10] not copied! Expected cf, got 00",
                "dmatest: dma0chan0-copy0: result #1: 'data error' with src_off=0x0 dst_off=0x0 len=0x100 (1)",
            ],
            thread.Lines.Take(2));
        Assert.Equal(1u, thread.Failures);
        Assert.StartsWith("dmatest: dma0chan0-copy0: summary 2 tests, 1 failures ", thread.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_source_byte_is_reported_as_overwritten_T12_T13()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));
        var hooks = new DmaTestHooks { AfterTransfer = t => t.Memory.Write(t.SrcAddress + 3, [0xAA]) };

        var thread = rig.Run(new DmaTestParameters { Iterations = 1, Norandom = true, TestBufSize = 64 }, hooks).Threads.Single();

        Assert.Equal("dmatest: dma0chan0-copy0: srcbuf[0x3] overwritten! Expected dc, got aa", thread.Lines[0]);
        Assert.Equal("dmatest: dma0chan0-copy0: result #1: 'data error' with src_off=0x0 dst_off=0x0 len=0x40 (1)", thread.Lines[1]);
    }

    [Fact]
    public void Noverify_skips_verification_so_corruption_goes_unnoticed_T12()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));
        var hooks = new DmaTestHooks { AfterTransfer = t => t.Memory.Write(t.DstAddress, [0x00]) };

        var result = rig.Run(new DmaTestParameters { Iterations = 3, Noverify = true }, hooks);

        Assert.Equal(0, result.Failures);
    }

    [Fact]
    public void Ten_thousand_verified_memcpy_tests_report_no_failures_T12_T15()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var result = rig.Run(new DmaTestParameters { Iterations = 10_000, TestBufSize = 1024 });

        var summary = SummaryLine().Match(result.Threads.Single().Summary);
        Assert.True(summary.Success);
        Assert.Equal("10000", summary.Groups["tests"].Value);
        Assert.Equal("0", summary.Groups["failures"].Value);
    }
}
