using DmaActors.Actors.Memory;
using DmaActors.Mapping;
using DmaActors.Mapping.Cma;

namespace DmaActors.Api.Tests.Mapping.Cma;

/// <summary>CMA-2, CMA-3: where the default area lands, and the reservations the kernel refuses.</summary>
public sealed class CmaReserveTests
{
    private const ulong Mib = 1UL << 20;

    internal static Platform HighRam(string cma) =>
        new(new PhysicalMemory(36, [new RamRegion(0x8000_0000, 512 * Mib)]), new PlatformOptions { Cma = CmaParameter.Parse(cma) });

    [Fact]
    public void Size_only_is_placed_top_down_below_the_end_of_RAM_CMA_2()
    {
        var platform = Platform.Create(256, new PlatformOptions { Cma = CmaParameter.Parse("64M") });
        var area = platform.DefaultCmaArea!;
        Assert.Equal(192 * Mib, area.Base.Value);
        Assert.Equal(64 * Mib, area.Size);
        Assert.Equal("reserved", area.Name);
    }

    [Fact]
    public void A_fixed_base_is_taken_exactly_CMA_2()
    {
        var area = HighRam("64M@0x80000000").DefaultCmaArea!;
        Assert.Equal(0x8000_0000UL, area.Base.Value);
    }

    [Fact]
    public void A_window_places_the_area_at_its_top_CMA_2()
    {
        var area = HighRam("64M@0x80000000-0xa0000000").DefaultCmaArea!;
        Assert.Equal(0xA000_0000UL - (64 * Mib), area.Base.Value);
    }

    [Fact]
    public void Size_is_rounded_up_to_a_pageblock_CMA_2()
    {
        var platform = Platform.Create(256, new PlatformOptions { Cma = CmaParameter.Parse("3M") });
        Assert.Equal(4 * Mib, platform.DefaultCmaArea!.Size);
    }

    [Fact]
    public void A_base_of_zero_is_never_fixed_CMA_3()
    {
        // 64M@0 means limit 64M; a fixed area would fail EBUSY on the reserved page 0, a placed one
        // searches [0, 64M) and, with page 0 taken, finds no room.
        var e = Assert.Throws<DmaMappingException>(() => Platform.Create(256, new PlatformOptions { Cma = CmaParameter.Parse("64M@0") }));
        Assert.Equal("ENOMEM", e.Errno);
        Assert.Contains("[0x0, 0x4000000)", e.Message, StringComparison.Ordinal);
        Assert.Equal(12 * Mib, Platform.Create(256, new PlatformOptions { Cma = CmaParameter.Parse("4M@0-0x1000000") }).DefaultCmaArea!.Base.Value);
    }

    [Fact]
    public void Cma_zero_reserves_nothing_CMA_1()
    {
        Assert.Null(Platform.Create(256, new PlatformOptions { Cma = CmaParameter.Parse("0") }).DefaultCmaArea);
    }

    [Theory]
    [InlineData("64M@0x80001000", "EINVAL", "must be aligned")]
    [InlineData("64M@0x80000000-0x82000000", "EINVAL", "exceeds limit")]
    [InlineData("64M@0x40000000", "EBUSY", "not free RAM")]
    [InlineData("1G", "ENOMEM", "no free range")]
    public void Reservations_the_kernel_refuses_throw_its_errno_and_reason_CMA_2(string cma, string errno, string reason)
    {
        var e = Assert.Throws<DmaMappingException>(() => HighRam(cma));
        Assert.Equal(errno, e.Errno);
        Assert.Equal("CMA-2", e.Rule);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
