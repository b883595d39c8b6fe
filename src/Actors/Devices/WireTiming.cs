namespace DmaActors.Actors.Devices;

/// <summary>
/// When frames cross a device's wire, from absolute formulas so that nothing drifts: with a frame
/// of <see cref="BitsPerFrame"/> bits at <see cref="BitsPerSecond"/>, the boundary after frame
/// <c>k</c> frames is <c>floor(k × bitsPerFrame × 10⁹ / bitsPerSecond)</c> ns after the wire
/// started. Frame <c>k</c> (0-based) occupies [<see cref="Offset"/>(k), <see cref="Offset"/>(k + 1)).
/// </summary>
/// <remarks>
/// Rounding each frame time and adding it up would drift (115200 baud 8N1 is 86 805.55… ns a
/// character, so summing 86 805 loses 6.4 ms an hour); every time here is computed from the
/// start in 128-bit arithmetic instead, exact at any distance.
/// </remarks>
public sealed class WireTiming
{
    private const ulong NanosecondsPerSecond = 1_000_000_000UL;

    /// <summary>Creates the timing of a wire with frames of <paramref name="bitsPerFrame"/> bits at <paramref name="bitsPerSecond"/>.</summary>
    public WireTiming(long bitsPerSecond, int bitsPerFrame)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bitsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bitsPerFrame);
        BitsPerSecond = bitsPerSecond;
        BitsPerFrame = bitsPerFrame;
    }

    /// <summary>Wire bit rate.</summary>
    public long BitsPerSecond { get; }

    /// <summary>Bits one frame takes on the wire (10 for a UART byte in 8N1).</summary>
    public int BitsPerFrame { get; }

    /// <summary>Nanoseconds from the wire's start to the boundary after <paramref name="frames"/> frames.</summary>
    public long Offset(long frames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        var ns = (UInt128)(ulong)frames * (ulong)BitsPerFrame * NanosecondsPerSecond / (ulong)BitsPerSecond;
        return ns > long.MaxValue ? long.MaxValue : (long)ns;
    }

    /// <summary>
    /// Frame boundaries (after the start) reached within <paramref name="elapsed"/> ns of the start:
    /// the largest <c>k</c> with <see cref="Offset"/>(k) ≤ elapsed, so the frames completed by then.
    /// </summary>
    /// <remarks>floor(k·B/r) ≤ e ⇔ k·B &lt; (e + 1)·r ⇔ k ≤ ((e + 1)·r − 1) / B, with B = bits × 10⁹.</remarks>
    public long FramesWithin(long elapsed)
    {
        if (elapsed < 0) return 0;
        var frames = (((UInt128)(ulong)elapsed + 1) * (ulong)BitsPerSecond - 1) / ((UInt128)(ulong)BitsPerFrame * NanosecondsPerSecond);
        return frames > long.MaxValue ? long.MaxValue : (long)frames;
    }
}
