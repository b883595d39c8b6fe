using DmaActors.Runtime.Time;
using DmaActors.Runtime.Cells;
using DmaActors.Runtime.Dispatch;

namespace DmaActors.Runtime;

// Shutdown: graceful lets what is queued be handled first (quiescence), then stops everything
// top-down: each actor stops its children, waits for them, runs PostStop, tells its watchers.
public sealed partial class ActorSystem
{
    /// <summary>Whether the whole system has stopped.</summary>
    public bool IsTerminated => _root.IsClosed;

    /// <summary>Completes when the whole system has stopped.</summary>
    public Task WhenTerminatedAsync => _root.WhenTerminated;

    /// <summary>Stops every actor and waits until they have all stopped.</summary>
    /// <remarks>Must not be called from inside an actor: the actor would wait for its own stop.</remarks>
    public void Shutdown(ShutdownMode mode = ShutdownMode.Graceful)
    {
        if (ActorCell.Running is { } running)
            throw new InvalidOperationException($"Shutdown called from inside {running.Path}; it would wait for that actor's own stop. Call it from outside the system.");
        if (IsTerminated) return;
        if (mode == ShutdownMode.Graceful) RunUntilIdle();
        _root.SendSystem(new Terminate());
        if (_deterministic is not null || Clock.IsVirtual)
        {
            Drive(() => _root.IsClosed, Duration.Infinite, ownTimer: null);
        }
        if (!_root.WhenTerminated.Wait(Settings.WallClockLimit))
            throw new TimeoutException($"{Name} did not stop within {Settings.WallClockLimit} of wall time.");
    }

    /// <summary>Stops the system immediately if it is still running.</summary>
    public void Dispose()
    {
        if (!IsTerminated && ActorCell.Running is null) Shutdown(ShutdownMode.Immediate);
    }
}
