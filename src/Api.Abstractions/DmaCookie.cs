namespace DmaActors.Api;

/// <summary>
/// Cookies (<c>dma_cookie_t</c>): what <c>dmaengine_submit()</c> returns, counted per channel from
/// <see cref="MinCookie"/> and wrapping from <see cref="int.MaxValue"/> back to it (P-11). The one
/// completion test both the façade and the simulated channels use.
/// </summary>
/// <remarks>Kernel: <c>include/linux/dmaengine.h</c> (<c>DMA_MIN_COOKIE</c>, <c>dma_async_is_complete()</c>).</remarks>
public static class DmaCookie
{
    /// <summary>The lowest cookie a channel hands out, and where both of its counters start.</summary>
    /// <remarks>Kernel: <c>DMA_MIN_COOKIE</c>.</remarks>
    public const int MinCookie = 1;

    /// <summary>Purely ordinal completion test, wrap-around included (C-46, H-2).</summary>
    /// <param name="cookie">The cookie asked about.</param>
    /// <param name="lastComplete">The channel's last completed cookie.</param>
    /// <param name="lastUsed">The channel's last assigned cookie.</param>
    /// <returns><see cref="DmaStatus.Complete"/> or <see cref="DmaStatus.InProgress"/>.</returns>
    /// <remarks>Kernel: <c>dma_async_is_complete()</c>.</remarks>
    public static DmaStatus IsComplete(int cookie, int lastComplete, int lastUsed)
    {
        bool complete = lastComplete <= lastUsed
            ? cookie <= lastComplete || cookie > lastUsed
            : cookie <= lastComplete && cookie > lastUsed;
        return complete ? DmaStatus.Complete : DmaStatus.InProgress;
    }
}
