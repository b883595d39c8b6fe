namespace DmaActors.Benchmarks;

/// <summary>
/// What spawned actors report to: one signal when each has been built (its Create was handled),
/// one when each has handled its first message. The benchmark thread sets a fresh completion
/// before each phase; the mailbox's atomics publish it to the actors.
/// </summary>
internal sealed class SpawnTally
{
    private Completion? _created;
    private Completion? _received;

    public Completion Created
    {
        get => Volatile.Read(ref _created) ?? throw new InvalidOperationException("No creation phase is armed.");
        set => Volatile.Write(ref _created, value);
    }

    public Completion Received
    {
        get => Volatile.Read(ref _received) ?? throw new InvalidOperationException("No message phase is armed.");
        set => Volatile.Write(ref _received, value);
    }
}
