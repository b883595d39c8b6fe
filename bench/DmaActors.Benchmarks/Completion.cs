namespace DmaActors.Benchmarks;

/// <summary>
/// A countdown that actors (or channel loops) signal and the benchmark thread waits on: the last
/// of <c>parties</c> signals completes a <see cref="TaskCompletionSource"/>. No sleeping, no polling.
/// </summary>
internal sealed class Completion
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Signals still missing.</summary>
    private int _remaining;

    public Completion(int parties)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parties);
        _remaining = parties;
    }

    /// <summary>Completes when every party has signalled.</summary>
    public Task Task => _done.Task;

    /// <summary>One party is done.</summary>
    public void Signal()
    {
        if (Interlocked.Decrement(ref _remaining) == 0) _done.TrySetResult();
    }

    /// <summary>Blocks the benchmark thread until every party has signalled, or fails after <paramref name="limit"/>.</summary>
    public void Wait(TimeSpan limit)
    {
        if (!_done.Task.Wait(limit))
            throw new TimeoutException($"{Volatile.Read(ref _remaining)} parties had not signalled after {limit}: a lost message or a stalled actor.");
    }
}
