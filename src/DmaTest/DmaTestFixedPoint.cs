namespace DmaActors.DmaTest;

/// <summary>The summary line's rates in the kernel's 8-bit fixed point (T-15).</summary>
/// <remarks>Kernel: <c>FIXPT_SHIFT</c>, <c>FIXPT_TO_INT</c>, <c>FIXPT_GET_FRAC</c>, <c>dmatest_persec()</c>, <c>dmatest_KBs()</c>.</remarks>
public static class DmaTestFixedPoint
{
    /// <summary>Kernel: <c>FIXPT_SHIFT</c>.</summary>
    public const int Shift = 8;

    /// <summary>Kernel: <c>FIXPNT_MASK</c>.</summary>
    public const ulong Mask = 0xff;

    /// <summary>
    /// <paramref name="val"/> per second over <paramref name="runtimeUs"/> µs, in 8-bit fixed point:
    /// the runtime is halved (and the scale doubled) until it fits 32 bits, as the kernel does.
    /// </summary>
    /// <param name="runtimeUs">Runtime in µs; 0 or less gives 0.</param>
    /// <param name="val">The count.</param>
    /// <returns>Rate × 256.</returns>
    /// <remarks>Kernel: <c>dmatest_persec()</c>.</remarks>
    public static ulong PerSec(long runtimeUs, uint val)
    {
        if (runtimeUs <= 0) return 0;
        ulong perSec = 1_000_000;
        while (runtimeUs > uint.MaxValue)
        {
            runtimeUs >>= 1;
            perSec <<= 1;
        }
        perSec = unchecked(perSec * val);
        perSec = unchecked(perSec << Shift);
        return perSec / (ulong)runtimeUs;
    }

    /// <summary>KB/s: <c>(totalLen &gt;&gt; 10)</c> per second, integer part.</summary>
    /// <param name="runtimeUs">Runtime in µs.</param>
    /// <param name="totalLen">Bytes moved.</param>
    /// <returns>KB/s.</returns>
    /// <remarks>Kernel: <c>dmatest_KBs()</c> (the count is passed as <c>unsigned int</c>, so it wraps at 2^32 KiB).</remarks>
    public static ulong KBs(long runtimeUs, ulong totalLen) => ToInt(PerSec(runtimeUs, unchecked((uint)(totalLen >> 10))));

    /// <summary>Kernel: <c>FIXPT_TO_INT</c>.</summary>
    /// <param name="a">Fixed-point value.</param>
    /// <returns>Integer part.</returns>
    public static ulong ToInt(ulong a) => a >> Shift;

    /// <summary>Kernel: <c>FIXPT_GET_FRAC</c>: two decimal digits of the fraction.</summary>
    /// <param name="a">Fixed-point value.</param>
    /// <returns>0..99.</returns>
    public static ulong Frac(ulong a) => ((a & Mask) * 100) >> Shift;
}
