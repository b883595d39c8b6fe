using DmaActors.Runtime.Cells;
namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// One thread, seeded choices: <see cref="Schedule"/> only adds a cell to the ready set; whoever
/// drives the system (a test, a blocking ask, <c>RunUntilIdle</c>) calls <see cref="TryRunOne"/>,
/// which lets the seeded generator pick one ready cell and runs exactly one of its messages
/// (after any system messages). Same seed, same program → same choices → same trace.
/// </summary>
/// <remarks>
/// Ordering: the ready set is a list in insertion order and the pick is by index, so nothing
/// depends on hash codes or addresses. A cell that is running is marked scheduled, so it is
/// never in the ready set while it runs: a nested drive (a blocking ask inside a handler) cannot
/// re-enter it. Cells may be scheduled from other threads (a real-clock timer, a test thread),
/// hence the lock; such input is outside the seed's control and makes a run non-reproducible.
/// </remarks>
internal sealed class DeterministicDispatcher : Dispatcher
{
    /// <summary>Guards <see cref="_ready"/> and the generator.</summary>
    private readonly Lock _gate = new();

    /// <summary>Cells marked scheduled that have not run yet, in the order they became ready.</summary>
    private readonly List<ActorCell> _ready = [];

    private readonly SeededRandom _random;
    private readonly Action _onReady;

    /// <summary>Creates the dispatcher; <paramref name="onReady"/> wakes a driver blocked waiting for work.</summary>
    public DeterministicDispatcher(ulong seed, int traceCapacity, Action onReady)
    {
        Seed = seed;
        _random = new SeededRandom(seed);
        _onReady = onReady;
        Trace = new ScheduleTrace(traceCapacity);
    }

    /// <summary>The seed of this run.</summary>
    public ulong Seed { get; }

    /// <summary>The steps taken so far.</summary>
    public ScheduleTrace Trace { get; }

    /// <inheritdoc/>
    public override int Throughput => 1;

    /// <inheritdoc/>
    public override bool RecordsSteps => true;

    /// <summary>How many cells are ready to run.</summary>
    public int ReadyCount
    {
        get { lock (_gate) return _ready.Count; }
    }

    /// <inheritdoc/>
    public override void Schedule(ActorCell cell)
    {
        lock (_gate) _ready.Add(cell);
        _onReady();
    }

    /// <summary>Runs one step of one seeded-randomly chosen ready cell; false when none is ready.</summary>
    public bool TryRunOne()
    {
        ActorCell cell;
        lock (_gate)
        {
            int count = _ready.Count;
            if (count == 0) return false;
            int pick = _random.Next(count);
            cell = _ready[pick];
            _ready[pick] = _ready[count - 1];
            _ready.RemoveAt(count - 1);
        }
        cell.Run(Throughput);
        return true;
    }

    /// <inheritdoc/>
    public override void RecordStep(ActorCell cell, object message) =>
        Trace.Add(cell.System.Clock.NowNanoseconds, cell.Path, message is SystemMessage ? "sys:" + message.GetType().Name : message.GetType().Name);
}
