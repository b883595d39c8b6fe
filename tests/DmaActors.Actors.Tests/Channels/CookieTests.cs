using DmaActors.Actors.Channels;
using DmaActors.Api;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Channels;

/// <summary>
/// Cookies as the kernel's provider helpers keep them: dma_cookie_init (P-10), dma_cookie_assign
/// with wrap-around (P-11), dma_cookie_status / dma_async_is_complete (P-13), and tx_status of a
/// completed cookie (P-14).
/// </summary>
public sealed class CookieTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void First_cookie_handed_out_is_2_because_both_counters_start_at_1_P10()
    {
        var cookies = new CookieCounter();

        Assert.Equal(DmaCookie.MinCookie, cookies.LastUsed);
        Assert.Equal(DmaCookie.MinCookie, cookies.LastCompleted);
        Assert.Equal(2, cookies.Assign());
    }

    [Fact]
    public void Cookies_increase_by_one_per_submit_P11()
    {
        var cookies = new CookieCounter();

        var handedOut = Enumerable.Range(0, 100).Select(_ => cookies.Assign()).ToArray();

        Assert.Equal(Enumerable.Range(2, 100), handedOut);
        Assert.Equal(101, cookies.LastUsed);
    }

    [Fact]
    public void Cookies_wrap_to_the_minimum_after_int_max_P11()
    {
        var cookies = new CookieCounter();
        cookies.Reset(int.MaxValue - 2, int.MaxValue - 2);

        var handedOut = Enumerable.Range(0, 4).Select(_ => cookies.Assign()).ToArray();

        // c = cookie + 1; if (c < DMA_MIN_COOKIE) c = DMA_MIN_COOKIE: never 0, never negative.
        Assert.Equal([int.MaxValue - 1, int.MaxValue, 1, 2], handedOut);
    }

    [Fact]
    public void Completing_a_cookie_that_was_never_handed_out_is_refused_P12()
    {
        var cookies = new CookieCounter();

        Assert.Throws<ArgumentOutOfRangeException>(() => cookies.Complete(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => cookies.Complete(-5));
    }

    [Theory]
    // No wrap (last_complete <= last_used): complete iff cookie <= last_complete or cookie > last_used.
    [InlineData(5, 5, 9, true)]
    [InlineData(3, 5, 9, true)]
    [InlineData(6, 5, 9, false)]
    [InlineData(9, 5, 9, false)]
    [InlineData(10, 5, 9, true)] // never handed out: reported complete, as the kernel does
    [InlineData(7, 7, 7, true)] // everything done
    // Wrapped (last_used wrapped past int.MaxValue, last_complete has not): complete iff
    // last_used < cookie <= last_complete.
    [InlineData(int.MaxValue - 10, int.MaxValue - 5, 3, true)]
    [InlineData(int.MaxValue - 5, int.MaxValue - 5, 3, true)]
    [InlineData(int.MaxValue - 4, int.MaxValue - 5, 3, false)]
    [InlineData(int.MaxValue, int.MaxValue - 5, 3, false)]
    [InlineData(1, int.MaxValue - 5, 3, false)]
    [InlineData(3, int.MaxValue - 5, 3, false)]
    [InlineData(4, int.MaxValue - 5, 3, true)]
    public void Is_complete_follows_dma_async_is_complete_including_wrap_around_P13(int cookie, int lastComplete, int lastUsed, bool complete)
    {
        Assert.Equal(complete, DmaCookie.IsComplete(cookie, lastComplete, lastUsed) == DmaStatus.Complete);

        var counter = new CookieCounter();
        counter.Reset(lastUsed, lastComplete);
        Assert.Equal(complete, counter.IsComplete(cookie));
    }

    [Fact]
    public void Completion_across_the_wrap_moves_cookies_from_in_progress_to_complete_P11_P13()
    {
        var counter = new CookieCounter();
        counter.Reset(int.MaxValue - 1, int.MaxValue - 1);
        int a = counter.Assign(), b = counter.Assign(), c = counter.Assign();
        Assert.Equal((int.MaxValue, 1, 2), (a, b, c));
        Assert.False(counter.IsComplete(a) || counter.IsComplete(b) || counter.IsComplete(c));

        counter.Complete(a);
        Assert.True(counter.IsComplete(a));
        Assert.False(counter.IsComplete(b) || counter.IsComplete(c));

        counter.Complete(b);
        Assert.True(counter.IsComplete(a) && counter.IsComplete(b));
        Assert.False(counter.IsComplete(c));

        counter.Complete(c);
        Assert.True(counter.IsComplete(a) && counter.IsComplete(b) && counter.IsComplete(c));
    }

    [Fact]
    public void A_channel_hands_out_2_then_increasing_cookies_and_reports_them_in_its_state_P10_P11()
    {
        var rig = new DmaRig(Sys);

        var cookies = Enumerable.Range(0, 5).Select(i => rig.Memcpy(0, i, 256).Cookie).ToArray();

        Assert.Equal([2, 3, 4, 5, 6], cookies);
        var state = rig.State(0);
        Assert.Equal(6, state.LastUsed);
        Assert.Equal(1, state.LastCompleted);
        // Each channel counts on its own.
        Assert.Equal(2, rig.Memcpy(1, 9, 256).Cookie);
    }

    [Fact]
    public void Tx_status_of_a_completed_cookie_is_complete_with_residue_0_P13_P14()
    {
        var rig = new DmaRig(Sys);
        var first = rig.Memcpy(0, 0, 1024);
        var second = rig.Memcpy(0, 1, 1024);
        rig.Issue(0);

        rig.RunUntilCallbacks(2);

        foreach (var cookie in new[] { first.Cookie, second.Cookie })
        {
            var status = rig.TxStatus(0, cookie);
            Assert.Equal(new TxStatusReply(DmaStatus.Complete, second.Cookie, second.Cookie, 0), status);
        }
    }

    [Fact]
    public void Tx_status_reports_last_and_used_and_in_progress_for_cookies_not_yet_done_P13_P14()
    {
        var rig = new DmaRig(Sys);
        var first = rig.Memcpy(0, 0, 1024);
        var second = rig.Memcpy(0, 1, 2048);
        rig.Issue(0);
        rig.RunUntilCallbacks(1);

        var status = rig.TxStatus(0, second.Cookie);

        Assert.Equal(DmaStatus.InProgress, status.Status);
        Assert.Equal(first.Cookie, status.LastCompleted);
        Assert.Equal(second.Cookie, status.LastUsed);
        Assert.InRange(status.Residue, 1, 2048);
    }
}
