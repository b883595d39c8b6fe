namespace DmaActors.Api;

/// <summary>
/// Width masks as the kernel builds them: bit <c>n</c> set means a width of <c>n</c> bytes is
/// supported (C-15). Held in a <see cref="UInt128"/> so that 64-byte widths fit (the kernel's
/// <c>u32</c> masks stop at 16 bytes); 128 bytes has no bit (bit 128) and is refused.
/// </summary>
/// <remarks>Kernel: <c>BIT(DMA_SLAVE_BUSWIDTH_*)</c> in <c>src_addr_widths</c>/<c>dst_addr_widths</c>.</remarks>
public static class DmaBuswidths
{
    /// <summary>The mask of the given widths.</summary>
    /// <param name="widths">Widths to include.</param>
    /// <remarks>Kernel: <c>BIT(a) | BIT(b) | ...</c>.</remarks>
    public static UInt128 Mask(params DmaSlaveBuswidth[] widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        UInt128 mask = 0;
        foreach (var width in widths) mask |= Bit(width);
        return mask;
    }

    /// <summary>The bit of one width.</summary>
    /// <param name="width">The width.</param>
    /// <remarks>Kernel: <c>BIT(width)</c>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">128 bytes (or more): no bit for it.</exception>
    public static UInt128 Bit(DmaSlaveBuswidth width) =>
        (int)width is >= 0 and < 128 ? UInt128.One << (int)width : throw new ArgumentOutOfRangeException(nameof(width), width, "A width mask has bits 0..127; 128-byte widths cannot be expressed.");

    /// <summary>Whether <paramref name="mask"/> contains <paramref name="width"/>.</summary>
    /// <param name="mask">A width mask.</param>
    /// <param name="width">The width.</param>
    public static bool Contains(UInt128 mask, DmaSlaveBuswidth width) => (int)width is >= 0 and < 128 && (mask & Bit(width)) != 0;
}
