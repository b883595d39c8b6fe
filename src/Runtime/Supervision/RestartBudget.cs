namespace DmaActors.Runtime.Supervision;

/// <summary>
/// The restarts a child has used inside the strategy's window. Owned by the parent's cell and
/// touched only on its thread.
/// </summary>
internal sealed class RestartBudget
{
    private readonly Queue<long> _restartTimes = new();

    /// <summary>Records a restart at <paramref name="now"/>; false when it exceeds the budget (the restart becomes a stop).</summary>
    public bool TryRestart(SupervisorStrategy strategy, long now)
    {
        if (strategy.MaxRestarts < 0) return true;
        if (!strategy.Window.IsInfinite)
        {
            while (_restartTimes.Count > 0 && now - _restartTimes.Peek() > strategy.Window.Nanoseconds) _restartTimes.Dequeue();
        }
        if (_restartTimes.Count >= strategy.MaxRestarts) return false;
        _restartTimes.Enqueue(now);
        return true;
    }
}
