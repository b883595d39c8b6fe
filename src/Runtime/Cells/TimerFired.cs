namespace DmaActors.Runtime.Cells;

/// <summary>A timer's message on its way through the owner's mailbox; stale once its generation is replaced.</summary>
internal sealed class TimerFired(object key, int generation) : AutoReceivedMessage
{
    public object Key { get; } = key;

    public int Generation { get; } = generation;
}
