namespace DmaActors.Cluster;

/// <summary>
/// The coordinator's books, without the network: which items wait, which run where, which are
/// done with what result. Items go out lowest first; a worker's lost items go back to the front;
/// a result for an item already done is a duplicate and dropped. With
/// <see cref="ClusterJob.StopAtFirstFailure"/>, nothing above the lowest failure goes out, and
/// the job is complete when every item below it is done.
/// </summary>
/// <typeparam name="TWorker">How a worker is named (an Akka address on the coordinator).</typeparam>
public sealed class WorkLedger<TWorker>
    where TWorker : notnull
{
    private readonly SortedSet<int> _waiting = [];
    private readonly Dictionary<int, TWorker> _running = [];
    private readonly Dictionary<int, ItemResult> _done = [];
    private readonly Dictionary<TWorker, int> _finishedBy = [];
    private readonly bool _stopAtFirstFailure;

    /// <summary>Books for <paramref name="items"/> items, those of <paramref name="alreadyDone"/> (a record being resumed) counted as done.</summary>
    public WorkLedger(int items, bool stopAtFirstFailure, IReadOnlyDictionary<int, ItemResult>? alreadyDone = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        Items = items;
        _stopAtFirstFailure = stopAtFirstFailure;
        foreach (var (item, result) in alreadyDone ?? new Dictionary<int, ItemResult>())
        {
            if (item >= 0 && item < items) Record(item, result);
        }
        for (int i = 0; i < items; i++)
        {
            if (!_done.ContainsKey(i)) _waiting.Add(i);
        }
    }

    /// <summary>Items in the job.</summary>
    public int Items { get; }

    /// <summary>The lowest item that failed so far, if any.</summary>
    public int? LowestFailure { get; private set; }

    /// <summary>The first refusal (why an item could not run), if any: the job ends with it.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Items done (each counted once).</summary>
    public int Done => _done.Count;

    /// <summary>Items out on workers now.</summary>
    public int InFlight => _running.Count;

    /// <summary>Items handed out again because their worker was lost.</summary>
    public int Reissued { get; private set; }

    /// <summary>Results dropped because the item was already done.</summary>
    public int Duplicates { get; private set; }

    /// <summary>Every result, by item.</summary>
    public IReadOnlyDictionary<int, ItemResult> Results => _done;

    /// <summary>Whether nothing more is needed: every item done, or (stopping at a failure) every item below the lowest failure, or a refusal.</summary>
    public bool IsComplete => Refusal is not null || (LowestFailure is { } failure
        ? Enumerable.Range(0, failure).All(_done.ContainsKey)
        : _done.Count == Items);

    /// <summary>Items each worker finished (first results only).</summary>
    public IReadOnlyDictionary<TWorker, int> FinishedBy => _finishedBy;

    /// <summary>Items <paramref name="worker"/> is running.</summary>
    public int RunningOn(TWorker worker) => _running.Values.Count(w => w.Equals(worker));

    /// <summary>The next item to hand to <paramref name="worker"/>, now counted as running there; null when none is needed.</summary>
    public int? Assign(TWorker worker)
    {
        if (Refusal is not null) return null;
        while (_waiting.Count > 0)
        {
            int item = _waiting.Min;
            _waiting.Remove(item);
            if (LowestFailure is { } failure && item > failure) continue;
            _running[item] = worker;
            return item;
        }
        return null;
    }

    /// <summary>Books <paramref name="worker"/>'s result for <paramref name="item"/>; false when it is a duplicate (dropped).</summary>
    public bool Complete(TWorker worker, int item, ItemResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_running.TryGetValue(item, out var runner) && runner.Equals(worker)) _running.Remove(item);
        if (item < 0 || item >= Items || _done.ContainsKey(item))
        {
            Duplicates++;
            return false;
        }
        // A lost worker's late result still counts: the item is then done, wherever it was re-issued.
        _waiting.Remove(item);
        Record(item, result);
        _finishedBy[worker] = _finishedBy.GetValueOrDefault(worker) + 1;
        return true;
    }

    /// <summary><paramref name="worker"/> is gone: its running items wait again, lowest first. Returns them.</summary>
    public IReadOnlyList<int> Lose(TWorker worker)
    {
        var lost = _running.Where(r => r.Value.Equals(worker)).Select(r => r.Key).Order().ToList();
        foreach (int item in lost)
        {
            _running.Remove(item);
            _waiting.Add(item);
        }
        Reissued += lost.Count;
        return lost;
    }

    private void Record(int item, ItemResult result)
    {
        _done[item] = result;
        if (result.Status == ItemStatus.Failed && _stopAtFirstFailure && (LowestFailure is null || item < LowestFailure)) LowestFailure = item;
        if (result.Status == ItemStatus.Refused) Refusal ??= result.Payload;
    }
}
