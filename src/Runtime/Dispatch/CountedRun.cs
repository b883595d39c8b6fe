using Akka.Dispatch;

namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// Runs one mailbox (or task) on the .NET thread pool and ends its count in flight afterwards.
/// A mailbox's runner is made once and kept on its <see cref="SimulationMessageQueue"/>.
/// </summary>
internal sealed class CountedRun(IRunnable runnable, CountingDispatcher dispatcher) : IThreadPoolWorkItem
{
    /// <summary>Whether this thread is running a counted mailbox now: its sends need no count of their own.</summary>
    [ThreadStatic]
    private static bool t_running;

    public static bool IsRunning => t_running;

    public void Execute()
    {
        t_running = true;
        try
        {
            runnable.Run();
        }
        catch (Exception failure)
        {
            // Akka handles actor failures inside the run; what reaches here is a runtime bug.
            dispatcher.World.ReportDriverFailure(failure);
        }
        finally
        {
            t_running = false;
            dispatcher.Counter.End();
        }
    }
}
