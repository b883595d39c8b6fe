using DmaActors.Api;

namespace DmaActors.Actors.Channels;

/// <summary>
/// A channel's cookies, as the kernel's provider helpers keep them (drivers/dma/dmaengine.h):
/// both counters start at 1 (<c>dma_cookie_init</c>), so the first cookie handed out is 2; each
/// submit takes the next one, wrapping from <see cref="int.MaxValue"/> to 1 (<c>dma_cookie_assign</c>).
/// </summary>
/// <remarks>
/// The channel's own view: cookies are handed out ahead of it, on the client's thread, by its
/// <see cref="VirtualChannelPort"/> (<see cref="Next"/>); <see cref="LastUsed"/> moves when the
/// channel takes the submit in (<see cref="Submitted"/>). Written by the channel actor only.
/// </remarks>
public sealed class CookieCounter
{
    /// <summary>The last cookie of a submit the channel has taken in (<c>chan->cookie</c>).</summary>
    public int LastUsed { get; private set; } = DmaCookie.MinCookie;

    /// <summary>The last cookie completed (<c>chan->completed_cookie</c>).</summary>
    public int LastCompleted { get; private set; } = DmaCookie.MinCookie;

    /// <summary>Hands out the cookie after <see cref="LastUsed"/> and takes its submit in at once (P-11).</summary>
    public int Assign()
    {
        int next = Next(LastUsed);
        Submitted(next);
        return next;
    }

    /// <summary>The cookie after <paramref name="current"/> (P-11): one more, wrapping from <see cref="int.MaxValue"/> to <see cref="DmaCookie.MinCookie"/>.</summary>
    public static int Next(int current)
    {
        int next = unchecked(current + 1);
        return next < DmaCookie.MinCookie ? DmaCookie.MinCookie : next;
    }

    /// <summary>The channel has taken in the submit of <paramref name="cookie"/>.</summary>
    public void Submitted(int cookie) => LastUsed = cookie;

    /// <summary>Marks <paramref name="cookie"/> complete (P-12).</summary>
    public void Complete(int cookie)
    {
        if (cookie < DmaCookie.MinCookie) throw new ArgumentOutOfRangeException(nameof(cookie), cookie, "Only a cookie that was handed out can complete (dma_cookie_complete BUGs on < 1).");
        LastCompleted = cookie;
    }

    /// <summary>Whether <paramref name="cookie"/> is complete, allowing for wrap-around (<see cref="DmaCookie.IsComplete"/>, C-46).</summary>
    public bool IsComplete(int cookie) => DmaCookie.IsComplete(cookie, LastCompleted, LastUsed) == DmaStatus.Complete;

    /// <summary>Sets both counters (tests of wrap-around start near <see cref="int.MaxValue"/>).</summary>
    internal void Reset(int lastUsed, int lastCompleted)
    {
        LastUsed = lastUsed;
        LastCompleted = lastCompleted;
    }
}
