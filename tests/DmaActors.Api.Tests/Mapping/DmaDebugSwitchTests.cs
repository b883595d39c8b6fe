using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

/// <summary>
/// dma-debug's <c>error_count</c>, <c>num_errors</c> and <c>all_errors</c> (contract 4.6: "only the
/// first error is printed by default (num_errors = 1); every error increments error_count").
/// </summary>
public sealed class DmaDebugSwitchTests
{
    private readonly Platform _platform = Platform.Create();
    private readonly Device _dev;

    public DmaDebugSwitchTests() => _dev = new Device(_platform, "eth0");

    /// <summary>A D-2 error: unmapping an address never mapped.</summary>
    private void UnmapUnknown(ulong address) => _dev.UnmapSingle(new DmaAddress(address), 64, DmaDataDirection.ToDevice);

    [Fact]
    public void By_default_only_the_first_error_is_printed_and_every_error_counts_4_6_D2()
    {
        Assert.Equal(1, _platform.Debug.NumErrors);
        Assert.False(_platform.Debug.AllErrors);

        UnmapUnknown(0x1000);
        UnmapUnknown(0x2000);
        UnmapUnknown(0x3000);

        Assert.Equal(3, _platform.Debug.ErrorCount);
        Assert.Equal(0, _platform.Debug.NumErrors);
        Assert.Equal([true, false, false], _platform.Debug.Events.Select(e => e.Printed));
        Assert.Contains("[device address=0x0000000000001000]", Assert.Single(_platform.Debug.Printed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_errors_prints_every_error_and_leaves_num_errors_alone_4_6()
    {
        _platform.Debug.AllErrors = true;

        UnmapUnknown(0x1000);
        UnmapUnknown(0x2000);

        Assert.Equal(2, _platform.Debug.Printed.Count);
        Assert.Equal(2, _platform.Debug.ErrorCount);
        Assert.Equal(1, _platform.Debug.NumErrors);
    }

    [Fact]
    public void Writing_num_errors_prints_that_many_more_4_6()
    {
        UnmapUnknown(0x1000);
        _platform.Debug.NumErrors = 2;

        UnmapUnknown(0x2000);
        UnmapUnknown(0x3000);
        UnmapUnknown(0x4000);

        Assert.Equal([true, true, true, false], _platform.Debug.Events.Select(e => e.Printed));
        Assert.Equal(4, _platform.Debug.ErrorCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => _platform.Debug.NumErrors = -1);
    }

    [Fact]
    public void Plain_warnings_are_always_printed_and_are_not_dma_debug_errors_4_6_B5()
    {
        UnmapUnknown(0x1000);
        var pool = DmaPool.Create("td", _dev, 32, 0, 0)!;
        pool.Alloc(out _);

        pool.Destroy();

        var warning = _platform.Debug.Events[^1];
        Assert.Equal(DmaDebugCheck.PoolBusy, warning.Check);
        Assert.True(warning.Printed);
        Assert.Equal(1, _platform.Debug.ErrorCount);
    }

    [Fact]
    public void Strict_throws_on_printed_errors_only_as_panic_on_warn_does_4_6()
    {
        _platform.Debug.Strict = true;

        Assert.Throws<DmaDebugException>(() => UnmapUnknown(0x1000));
        UnmapUnknown(0x2000);
        _platform.Debug.AllErrors = true;
        Assert.Throws<DmaDebugException>(() => UnmapUnknown(0x3000));

        Assert.Equal(3, _platform.Debug.ErrorCount);
    }
}
