namespace DmaActors.Benchmarks;

/// <summary>
/// A countdown that actors (or channel loops) signal and the benchmark thread waits on: the last
/// of <c>parties</c> signals sets a <see cref="ManualResetEventSlim"/>. No sleeping, no polling.
/// A held deterministic world must be driven instead of waited on: <see cref="BenchSystem.Await"/>
/// picks the right way, with <see cref="IsDone"/> as the condition. The event needs no disposing:
/// it makes no kernel handle unless somebody asks for its WaitHandle, and nobody does.
/// </summary>
internal sealed class Completion
{
    private readonly ManualResetEventSlim _done = new(false);

    /// <summary>Signals still missing.</summary>
    private int _remaining;

    public Completion(int parties)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parties);
        _remaining = parties;
    }

    /// <summary>Whether every party has signalled (thread-safe, never blocks: usable as a RunUntil condition).</summary>
    public bool IsDone => Volatile.Read(ref _remaining) <= 0;

    /// <summary>One party is done.</summary>
    public void Signal()
    {
        if (Interlocked.Decrement(ref _remaining) == 0) _done.Set();
    }

    /// <summary>Blocks the calling thread until every party has signalled, or fails after <paramref name="limit"/>.</summary>
    public void Wait(TimeSpan limit)
    {
        if (!_done.Wait(limit))
            throw new TimeoutException($"{Volatile.Read(ref _remaining)} parties had not signalled after {limit}: a lost message or a stalled actor.");
    }
}
