using Akka.Dispatch;

namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// Runs one mailbox (or task) on the .NET thread pool and ends its count in flight afterwards.
/// A mailbox's runner is made once and kept on its <see cref="SimulationMessageQueue"/>.
/// </summary>
/// <remarks>
/// Run next: the first mailbox a run makes runnable is run by the same thread right after it
/// (<see cref="TryRunNext"/>), instead of being queued for another pool thread to wake up for. A
/// simulation is mostly chains (arbiter → channel → arbiter, device → arbiter → channel), each
/// link one message: handing every link to another thread costs a wake-up per message. Further
/// mailbox made runnable meanwhile go to the pool as usual, so independent work still spreads
/// over every core; a chain yields the thread to the pool after <see cref="ChainLimit"/> links.
/// </remarks>
internal sealed class CountedRun(IRunnable runnable, CountingDispatcher dispatcher) : IThreadPoolWorkItem
{
    private const int ChainLimit = 64;

    /// <summary>Whether this thread is running a counted mailbox now: its sends need no count of their own.</summary>
    [ThreadStatic]
    private static bool t_running;

    /// <summary>The runner this thread runs after the current one (already counted in flight), or null.</summary>
    [ThreadStatic]
    private static CountedRun? t_next;

    public static bool IsRunning => t_running;

    /// <summary>Takes <paramref name="runner"/> (counted in flight already) to run on this thread after the current run; false when this thread runs nothing or has one waiting.</summary>
    public static bool TryRunNext(CountedRun runner)
    {
        if (!t_running || t_next is not null) return false;
        t_next = runner;
        return true;
    }

    public void Execute()
    {
        var current = this;
        int links = 0;
        t_running = true;
        try
        {
            while (true)
            {
                current.RunOnce();
                if (t_next is not { } next) return;
                t_next = null;
                if (++links >= ChainLimit)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(next, preferLocal: true);
                    return;
                }
                current = next;
            }
        }
        finally
        {
            t_running = false;
        }
    }

    private void RunOnce()
    {
        try
        {
            dispatcher.Counter.WaitWhileTimeMoves();
            runnable.Run();
        }
        catch (Exception failure)
        {
            // Akka handles actor failures inside the run; what reaches here is a runtime bug.
            dispatcher.World.ReportDriverFailure(failure);
        }
        finally
        {
            dispatcher.Counter.End();
        }
    }
}
