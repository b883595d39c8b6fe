using DmaActors.Actors.Bus;

namespace DmaActors.Actors.Tests.Arbitration;

/// <summary>Bus timing: whole cycles per burst, nanoseconds rounded up, and parameter validation.</summary>
public sealed class BusTimingTests
{
    [Fact]
    public void A_64_byte_burst_on_a_4_byte_100_MHz_bus_takes_16_cycles_or_160_ns()
    {
        var bus = new BusTiming(4, 100_000_000);

        Assert.Equal(16, bus.CyclesFor(64));
        Assert.Equal(160, bus.NanosecondsFor(64));
        Assert.Equal(400_000_000d, bus.PeakBytesPerSecond);
    }

    [Theory]
    [InlineData(4, 100_000_000L, 0L, 1L, 10L)] // an empty access still takes a cycle
    [InlineData(4, 100_000_000L, 1L, 1L, 10L)] // a partial beat takes a whole cycle
    [InlineData(4, 100_000_000L, 65L, 17L, 170L)]
    [InlineData(8, 200_000_000L, 128L, 16L, 80L)] // 64-bit AXI at 200 MHz
    [InlineData(16, 250_000_000L, 1024L, 64L, 256L)]
    [InlineData(4, 133_000_000L, 64L, 16L, 121L)] // 16 / 133 MHz = 120.3 ns, rounded up
    [InlineData(1, 1L, 3L, 3L, 3_000_000_000L)] // a 1 Hz bus: no overflow in the arithmetic
    public void Cycles_are_whole_and_nanoseconds_round_up(int width, long hz, long bytes, long cycles, long nanoseconds)
    {
        var bus = new BusTiming(width, hz);

        Assert.Equal(cycles, bus.CyclesFor(bytes));
        Assert.Equal(nanoseconds, bus.NanosecondsFor(bytes));
        Assert.Equal(nanoseconds, bus.NanosecondsForCycles(cycles));
    }

    [Fact]
    public void Nanoseconds_for_many_cycles_do_not_overflow()
    {
        var bus = new BusTiming(4, 100_000_000);

        Assert.Equal(10L * 1_000_000_000_000, bus.NanosecondsForCycles(1_000_000_000_000));
    }

    [Theory]
    [InlineData(0, 100L)]
    [InlineData(3, 100L)]
    [InlineData(128, 100L)]
    [InlineData(4, 0L)]
    [InlineData(4, -1L)]
    public void Invalid_widths_and_clocks_are_rejected(int width, long hz) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusTiming(width, hz).Validated());

    [Fact]
    public void A_negative_length_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusTiming(4, 100).CyclesFor(-1));
}
