using DmaActors.DmaTest;

namespace DmaActors.Api.Tests.DmaTest;

public sealed class DmaTestFixedPointTests
{
    [Fact]
    public void Iops_carry_two_decimals_of_an_8_bit_fraction_T15()
    {
        ulong iops = DmaTestFixedPoint.PerSec(runtimeUs: 3, val: 1);

        Assert.Equal(85_333_333UL, iops);
        Assert.Equal("333333.33", $"{DmaTestFixedPoint.ToInt(iops)}.{DmaTestFixedPoint.Frac(iops):D2}");
    }

    [Fact]
    public void Whole_rates_print_with_zero_decimals_T15()
    {
        ulong iops = DmaTestFixedPoint.PerSec(runtimeUs: 1_000_000, val: 3);

        Assert.Equal(3UL, DmaTestFixedPoint.ToInt(iops));
        Assert.Equal(0UL, DmaTestFixedPoint.Frac(iops));
        Assert.Equal(50UL, DmaTestFixedPoint.Frac(0x80));
    }

    [Fact]
    public void KB_per_second_counts_whole_KiB_over_the_runtime_T15()
    {
        Assert.Equal(10_240UL, DmaTestFixedPoint.KBs(runtimeUs: 1_000_000, totalLen: 10UL << 20));
        // 1023 bytes are 0 KiB.
        Assert.Equal(0UL, DmaTestFixedPoint.KBs(runtimeUs: 10, totalLen: 1023));
    }

    [Fact]
    public void No_runtime_gives_zero_rates_T15()
    {
        Assert.Equal(0UL, DmaTestFixedPoint.PerSec(0, 5));
        Assert.Equal(0UL, DmaTestFixedPoint.KBs(0, 1 << 20));
    }

    [Fact]
    public void Runtimes_beyond_32_bits_are_halved_with_the_scale_doubled_T15()
    {
        long runtime = (1L << 33) + 12345;
        // Halved twice: 2^31 + 3086, scale 4 x 10^6.
        ulong expected = (4_000_000UL * 7 << 8) / (ulong)(runtime >> 2);

        Assert.Equal(expected, DmaTestFixedPoint.PerSec(runtime, 7));
    }
}
