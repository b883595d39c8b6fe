using DmaActors.Runtime.Cells;
namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// Runs mailboxes. A cell asks to be scheduled only on its idle→scheduled transition (one CAS), so
/// a dispatcher never sees the same cell twice at once.
/// </summary>
internal abstract class Dispatcher
{
    /// <summary>Arranges for <paramref name="cell"/> to run once; it was idle and is now marked scheduled.</summary>
    public abstract void Schedule(ActorCell cell);

    /// <summary>How many user messages a cell may handle per run before yielding its thread.</summary>
    public abstract int Throughput { get; }

    /// <summary>Whether this dispatcher records every step into a schedule trace.</summary>
    public virtual bool RecordsSteps => false;

    /// <summary>Records that <paramref name="cell"/> handled <paramref name="message"/> (deterministic dispatcher only).</summary>
    public virtual void RecordStep(ActorCell cell, object message) { }
}
