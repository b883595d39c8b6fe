namespace DmaActors.Runtime.Cells;

/// <summary>
/// The parts of a cell that most actors never use (watches, stash, timers, failure state), kept
/// out of the cell itself so that an idle actor costs fewer bytes; created on first use.
/// </summary>
/// <remarks>Owner thread only, except <see cref="BlockedOn"/>, which blocked actors on other threads read.</remarks>
internal sealed class CellExtras
{
    /// <summary>The cell this one waits for in a blocking ask (real-clock cycle detection); read by other threads.</summary>
    public ActorCell? BlockedOn;

    /// <summary>Children this actor asked to stop that have not stopped yet.</summary>
    public HashSet<ActorCell>? StoppingChildren;

    /// <summary>Actors this one watches.</summary>
    public HashSet<ActorCell>? Watching;

    /// <summary>Watched actors whose Terminated is queued but not yet delivered.</summary>
    public HashSet<ActorCell>? TerminatedQueued;

    /// <summary>Actors watching this one.</summary>
    public HashSet<ActorCell>? WatchedBy;

    /// <summary>The child whose escalated failure made this actor fail.</summary>
    public ActorCell? Perpetrator;

    /// <summary>The message being handled when the actor failed (given to PreRestart).</summary>
    public object? FailedMessage;

    /// <summary>A restart waiting for the old instance's children to finish stopping.</summary>
    public Exception? PendingRecreate;

    /// <summary>Stashed messages, oldest first.</summary>
    public List<Envelope>? Stash;

    /// <summary>Restarts each child has used in the strategy's window.</summary>
    public Dictionary<ActorCell, Supervision.RestartBudget>? RestartBudgets;

    /// <summary>The actor's logger, created on first use.</summary>
    public Microsoft.Extensions.Logging.ILogger? Log;

    /// <summary>The actor's timers, created on first use.</summary>
    public TimerScheduler? Timers;
}
