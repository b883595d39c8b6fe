using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Api;

// The system's time, for a driver's process context: what wait_for_completion_timeout() and
// msleep()/udelay() are to a kernel driver. Virtual time moves only when someone drives it, so a
// driver (or its test) waits by driving the world; from inside it (a callback) both refuse, as
// the world's drive does.
public sealed partial class DmaEngine
{
    /// <summary>
    /// Drives the system until <paramref name="condition"/> holds or <paramref name="timeout"/> of
    /// its time has passed (a driver's <c>wait_for_completion_timeout()</c> on a flag its callback sets).
    /// </summary>
    /// <param name="condition">Checked between steps; thread-safe, and must not block.</param>
    /// <param name="timeout">The system's time to wait at most.</param>
    /// <returns>True when the condition holds; false on timeout, or when nothing is left to run that could make it hold.</returns>
    /// <exception cref="DmaException">EDEADLK: called from inside the simulated world (a callback), which cannot wait (C-35).</exception>
    public bool RunUntil(Func<bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        EnsureProcessContext("RunUntil");
        return World.RunUntil(condition, ToDuration(timeout)) == RunOutcome.ConditionMet;
    }

    /// <summary>Moves the system's time forward by <paramref name="span"/>, running everything due in it (a driver's <c>udelay()</c>/<c>msleep()</c>).</summary>
    /// <param name="span">How long.</param>
    /// <exception cref="DmaException">EDEADLK: called from inside the simulated world (C-35).</exception>
    public void Advance(TimeSpan span)
    {
        EnsureProcessContext("Advance");
        World.Advance(ToDuration(span));
    }

    /// <summary>The system's time now, in nanoseconds since it started: virtual time on a virtual clock (a driver's <c>ktime_get_ns()</c>).</summary>
    /// <remarks>Fence timestamps (<c>DmaFence.Timestamp</c>) are on the same clock, so a latency is the difference.</remarks>
    public long KtimeGetNs() => World.Clock.NowNanoseconds;

    private static Duration ToDuration(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        return Duration.FromNanoseconds(checked(span.Ticks * 100));
    }

    private static void EnsureProcessContext(string call)
    {
        if (SimulatedWorld.IsInsideTheWorld)
            throw new DmaException("EDEADLK", "C-35", $"DmaEngine.{call}() drives the system's time, which cannot happen inside the simulated world (a completion callback runs in a tasklet, which must not sleep).");
    }
}
