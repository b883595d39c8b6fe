namespace DmaActors.DmaTest;

/// <summary>
/// dmatest's buffer patterns (T-10, T-11) and their verification (T-12, T-13).
/// </summary>
/// <remarks>Kernel: the <c>PATTERN_*</c> constants, <c>gen_inv_idx</c>, <c>dmatest_init_srcs/dsts</c>, <c>dmatest_verify</c>, <c>dmatest_mismatch</c>.</remarks>
public static class DmaTestPattern
{
    /// <summary>Kernel: <c>PATTERN_SRC</c>.</summary>
    public const byte Src = 0x80;

    /// <summary>Kernel: <c>PATTERN_DST</c>.</summary>
    public const byte Dst = 0x00;

    /// <summary>Kernel: <c>PATTERN_COPY</c>.</summary>
    public const byte Copy = 0x40;

    /// <summary>Kernel: <c>PATTERN_OVERWRITE</c>.</summary>
    public const byte Overwrite = 0x20;

    /// <summary>Kernel: <c>PATTERN_COUNT_MASK</c>.</summary>
    public const byte CountMask = 0x1f;

    /// <summary>Kernel: <c>PATTERN_MEMSET_IDX</c>.</summary>
    public const byte MemsetIdx = 0x01;

    /// <summary>Kernel: <c>MAX_ERROR_COUNT</c>: mismatches printed per verify call.</summary>
    public const int MaxErrorCount = 32;

    /// <summary>The low bits of a pattern byte: the inverted index (always index 1 for memset) (T-10).</summary>
    /// <param name="index">Byte offset (the kernel truncates it to a byte, then masks it).</param>
    /// <param name="isMemset">Whether the thread is a memset thread.</param>
    /// <returns><c>~index &amp; 0x1f</c>.</returns>
    /// <remarks>Kernel: <c>gen_inv_idx()</c>.</remarks>
    public static byte InvIdx(int index, bool isMemset) => (byte)(~(isMemset ? MemsetIdx : index) & CountMask);

    /// <summary>Source byte <paramref name="i"/> for a transfer region <c>[start, start+len)</c> (T-11).</summary>
    /// <param name="i">Byte offset.</param>
    /// <param name="start">Region start (src_off).</param>
    /// <param name="len">Region length.</param>
    /// <param name="isMemset">Memset thread.</param>
    /// <returns>The byte <c>dmatest_init_srcs</c> writes.</returns>
    public static byte SourceByte(int i, int start, int len, bool isMemset) =>
        (byte)(Src | InvIdx(i, isMemset) | (i >= start && i < start + len ? Copy : 0));

    /// <summary>Destination byte <paramref name="i"/> for a transfer region <c>[start, start+len)</c> (T-11).</summary>
    /// <param name="i">Byte offset.</param>
    /// <param name="start">Region start (dst_off).</param>
    /// <param name="len">Region length.</param>
    /// <param name="isMemset">Memset thread.</param>
    /// <returns>The byte <c>dmatest_init_dsts</c> writes.</returns>
    public static byte DestinationByte(int i, int start, int len, bool isMemset) =>
        (byte)(Dst | InvIdx(i, isMemset) | (i >= start && i < start + len ? Overwrite : 0));

    /// <summary>Fills a source buffer (T-11).</summary>
    /// <param name="buf">The buffer (buf_size bytes).</param>
    /// <param name="start">src_off.</param>
    /// <param name="len">Transfer length.</param>
    /// <param name="isMemset">Memset thread.</param>
    /// <remarks>Kernel: <c>dmatest_init_srcs()</c>.</remarks>
    public static void InitSource(Span<byte> buf, int start, int len, bool isMemset)
    {
        for (int i = 0; i < buf.Length; i++) buf[i] = SourceByte(i, start, len, isMemset);
    }

    /// <summary>Fills a destination buffer (T-11).</summary>
    /// <param name="buf">The buffer (buf_size bytes).</param>
    /// <param name="start">dst_off.</param>
    /// <param name="len">Transfer length.</param>
    /// <param name="isMemset">Memset thread.</param>
    /// <remarks>Kernel: <c>dmatest_init_dsts()</c>.</remarks>
    public static void InitDestination(Span<byte> buf, int start, int len, bool isMemset)
    {
        for (int i = 0; i < buf.Length; i++) buf[i] = DestinationByte(i, start, len, isMemset);
    }

    /// <summary>
    /// Checks <c>buf[start..end)</c> against <paramref name="pattern"/> with a counter starting at
    /// <paramref name="counter"/>; writes the first <see cref="MaxErrorCount"/> mismatches and then
    /// "%u errors suppressed" to <paramref name="warn"/> (T-12, T-13).
    /// </summary>
    /// <param name="warn">Receives the kernel's <c>pr_warn</c> lines, "dmatest: " prefix included.</param>
    /// <param name="thread">The thread's name (<c>current-&gt;comm</c>).</param>
    /// <param name="buf">The buffer.</param>
    /// <param name="start">First offset checked.</param>
    /// <param name="end">Offset after the last checked.</param>
    /// <param name="counter">Index of the pattern at <paramref name="start"/>.</param>
    /// <param name="pattern">High bits expected.</param>
    /// <param name="isSrcbuf">Whether the buffer is a source.</param>
    /// <param name="isMemset">Memset thread.</param>
    /// <returns>Mismatches found.</returns>
    /// <remarks>Kernel: <c>dmatest_verify()</c>.</remarks>
    public static int Verify(Action<string> warn, string thread, ReadOnlySpan<byte> buf, int start, int end, int counter, byte pattern, bool isSrcbuf, bool isMemset)
    {
        ArgumentNullException.ThrowIfNull(warn);
        int errors = 0;
        for (int i = start; i < end; i++, counter++)
        {
            byte actual = buf[i];
            byte expected = (byte)(pattern | InvIdx(counter, isMemset));
            if (actual == expected) continue;
            if (errors < MaxErrorCount) warn(Mismatch(thread, actual, expected, pattern, i, isSrcbuf));
            errors++;
        }
        if (errors > MaxErrorCount) warn($"{DmaTestRunner.Prefix}{thread}: {errors - MaxErrorCount} errors suppressed");
        return errors;
    }

    /// <summary>The mismatch line for one byte (T-13).</summary>
    /// <remarks>Kernel: <c>dmatest_mismatch()</c>.</remarks>
    private static string Mismatch(string thread, byte actual, byte expected, byte pattern, int index, bool isSrcbuf)
    {
        int diff = actual ^ pattern;
        string what;
        if (isSrcbuf) what = $"srcbuf[0x{index:x}] overwritten!";
        else if ((pattern & Copy) != 0 && (diff & (Copy | Overwrite)) != 0) what = $"dstbuf[0x{index:x}] not copied!";
        else if ((diff & Src) != 0) what = $"dstbuf[0x{index:x}] was copied!";
        else what = $"dstbuf[0x{index:x}] mismatch!";
        return $"{DmaTestRunner.Prefix}{thread}: {what} Expected {expected:x2}, got {actual:x2}";
    }
}
