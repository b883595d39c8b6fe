namespace DmaActors.Actors.Bus;

/// <summary>
/// The controller's bus: <see cref="WidthBytes"/> bytes move per cycle of a <see cref="ClockHz"/>
/// clock, so a burst of <c>width × maxburst</c> bytes occupies the bus for a whole number of cycles.
/// </summary>
/// <param name="WidthBytes">Bytes per bus cycle (4 for a 32-bit AHB, 8 for a 64-bit AXI).</param>
/// <param name="ClockHz">Bus clock.</param>
public sealed record BusTiming(int WidthBytes, long ClockHz)
{
    /// <summary>Cycles a transfer of <paramref name="bytes"/> occupies (at least one).</summary>
    public long CyclesFor(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return Math.Max(1, (bytes + WidthBytes - 1) / WidthBytes);
    }

    /// <summary>Nanoseconds of bus time for <paramref name="bytes"/>, rounded up to whole nanoseconds.</summary>
    public long NanosecondsFor(long bytes) => NanosecondsForCycles(CyclesFor(bytes));

    /// <summary>Nanoseconds for <paramref name="cycles"/> bus cycles, rounded up.</summary>
    public long NanosecondsForCycles(long cycles) => (long)(((UInt128)cycles * 1_000_000_000UL + (UInt128)(ulong)ClockHz - 1) / (ulong)ClockHz);

    /// <summary>Peak bandwidth in bytes per second.</summary>
    public double PeakBytesPerSecond => (double)WidthBytes * ClockHz;

    /// <summary>Checks the parameters; throws with what is wrong.</summary>
    public BusTiming Validated()
    {
        if (WidthBytes is not (1 or 2 or 4 or 8 or 16 or 32 or 64))
            throw new ArgumentOutOfRangeException(nameof(WidthBytes), WidthBytes, "Bus width must be 1, 2, 4, 8, 16, 32 or 64 bytes.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ClockHz, nameof(ClockHz));
        return this;
    }
}
