using DmaActors.DmaTest;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.DmaTest;

public sealed class DmaTestParameterTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void Defaults_are_the_kernels_module_parameter_defaults_5_1()
    {
        var p = new DmaTestParameters();

        Assert.Equal(16384, p.TestBufSize);
        Assert.Equal("", p.Channel);
        Assert.Equal("", p.Device);
        Assert.Equal(1, p.ThreadsPerChan);
        Assert.Equal(0, p.MaxChannels);
        Assert.Equal(0, p.Iterations);
        Assert.Equal(0, p.Dmatest);
        Assert.Equal(3000, p.Timeout);
        Assert.False(p.Noverify || p.Norandom || p.Verbose || p.Polled);
        Assert.Equal(-1, p.Alignment);
        Assert.Equal(0, p.TransferSize);
    }

    [Theory]
    [InlineData(2, "dmatest 2")]
    [InlineData(-3, "timeout -3")]
    public void Values_the_kernel_does_not_define_are_refused(int value, string expected)
    {
        var p = value == 2
            ? new DmaTestParameters { Iterations = 1, Dmatest = value }
            : new DmaTestParameters { Iterations = 1, Timeout = value };

        Assert.StartsWith(expected, p.Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_timeout_still_completes_each_test_T8()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1));

        var result = rig.Run(new DmaTestParameters { Iterations = 3, Timeout = -1 });

        Assert.Equal(0, result.Failures);
        Assert.Equal(3, result.Tests);
    }

    [Fact]
    public void A_no_order_device_turns_polling_off_with_the_kernels_warning_T4()
    {
        var rig = new DmaTestRig(Sys);
        rig.Register(DmaTestRig.MemcpyOnly(channels: 1) with { CapMask = DmaCapMask.Memcpy | DmaCapMask.CompletionNoOrder });

        var result = rig.Run(new DmaTestParameters { Iterations = 2, Polled = true });

        Assert.Equal("dmatest: DMA_COMPLETION_NO_ORDER, polled disabled", result.Lines[1]);
        Assert.Equal(0, result.Failures);
    }
}
