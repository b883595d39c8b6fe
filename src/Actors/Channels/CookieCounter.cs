namespace DmaActors.Actors.Channels;

/// <summary>
/// A channel's cookies, as the kernel's provider helpers keep them (drivers/dma/dmaengine.h):
/// both counters start at 1 (<c>dma_cookie_init</c>), so the first cookie handed out is 2; each
/// submit takes the next one, wrapping from <see cref="int.MaxValue"/> to 1 (<c>dma_cookie_assign</c>).
/// </summary>
/// <remarks>
/// Cookies may be handed out ahead of the channel seeing the submit (<see cref="Reserve"/>, by a
/// <see cref="VirtualChannelSubmitter"/> on the client's thread); <see cref="LastUsed"/> is the
/// channel's own view, moved when it takes the submit in (<see cref="Submitted"/>), so tx_status
/// never reports a cookie the channel does not know yet.
/// </remarks>
public sealed class CookieCounter
{
    /// <summary>DMA_MIN_COOKIE.</summary>
    public const int MinCookie = 1;

    private int _reserved = MinCookie;

    /// <summary>The last cookie of a submit the channel has taken in (<c>chan->cookie</c>).</summary>
    public int LastUsed { get; private set; } = MinCookie;

    /// <summary>The last cookie completed (<c>chan->completed_cookie</c>).</summary>
    public int LastCompleted { get; private set; } = MinCookie;

    /// <summary>Hands out the next cookie and takes its submit in at once (P-11).</summary>
    public int Assign()
    {
        int next = Reserve();
        Submitted(next);
        return next;
    }

    /// <summary>Hands out the next cookie for a submit the channel will take in later (P-11); thread-safe.</summary>
    public int Reserve()
    {
        while (true)
        {
            int current = Volatile.Read(ref _reserved);
            int next = unchecked(current + 1);
            if (next < MinCookie) next = MinCookie;
            if (Interlocked.CompareExchange(ref _reserved, next, current) == current) return next;
        }
    }

    /// <summary>The channel has taken in the submit of <paramref name="cookie"/>.</summary>
    public void Submitted(int cookie) => LastUsed = cookie;

    /// <summary>Marks <paramref name="cookie"/> complete (P-12).</summary>
    public void Complete(int cookie)
    {
        if (cookie < MinCookie) throw new ArgumentOutOfRangeException(nameof(cookie), cookie, "Only a cookie that was handed out can complete (dma_cookie_complete BUGs on < 1).");
        LastCompleted = cookie;
    }

    /// <summary>Kernel <c>dma_async_is_complete</c>: whether <paramref name="cookie"/> is complete, allowing for wrap-around.</summary>
    public bool IsComplete(int cookie) => IsComplete(cookie, LastCompleted, LastUsed);

    /// <summary>Kernel <c>dma_async_is_complete(cookie, last_complete, last_used)</c>.</summary>
    public static bool IsComplete(int cookie, int lastComplete, int lastUsed) =>
        lastComplete <= lastUsed
            ? cookie <= lastComplete || cookie > lastUsed
            : cookie <= lastComplete && cookie > lastUsed;

    /// <summary>Sets both counters (tests of wrap-around start near <see cref="int.MaxValue"/>).</summary>
    internal void Reset(int lastUsed, int lastCompleted)
    {
        Volatile.Write(ref _reserved, lastUsed);
        LastUsed = lastUsed;
        LastCompleted = lastCompleted;
    }
}
