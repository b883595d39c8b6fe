namespace DmaActors.Runtime.Time;

/// <summary>
/// Simulated time in nanoseconds, and the one timer queue of a simulated world: the hardware's
/// nanosecond timers and Akka's scheduler (<see cref="VirtualScheduler"/>) both queue here.
/// Timers fire in (due time, order time, start order); time never moves by itself: the world's
/// driver jumps it to the next timer only at quiescence (no message in flight anywhere), so
/// every effect of time t is settled before time t+1 begins.
/// </summary>
/// <remarks>
/// Ownership: the timer queue is shared by every thread that schedules or cancels, so it sits
/// behind <see cref="_gate"/>. Callbacks never run under the lock: a callback usually Tells an
/// actor, and on the deterministic dispatcher that may re-enter scheduling (deadlock otherwise).
/// </remarks>
public sealed class VirtualClock : IClock
{
    /// <summary>Guards <see cref="_timers"/>, <see cref="_sequence"/> and <see cref="_live"/>.</summary>
    private readonly Lock _gate = new();

    /// <summary>
    /// Pending starts keyed by (due, order time, sequence): equal due times fire in the order they
    /// were started (the order time is the start time unless a timer asks for another one).
    /// A slot whose generation is not its timer's current one is a stale start and is skipped.
    /// </summary>
    private readonly PriorityQueue<Slot, (long Due, long OrderTime, long Sequence)> _timers = new();

    /// <summary>Current simulated time; written only by the driver, read by anyone.</summary>
    private long _now;

    /// <summary>Tie-breaker that makes timer order total and reproducible.</summary>
    private long _sequence;

    /// <summary>Timers neither fired nor cancelled (cancelled ones may still sit in the queue).</summary>
    private int _live;

    /// <summary>(due, order time) of the last timer fired, or (time, max) once time was moved past everything due by then.</summary>
    private (long Due, long OrderTime) _cursor = (0, long.MinValue);

    /// <inheritdoc/>
    public long NowNanoseconds => Volatile.Read(ref _now);

    /// <summary>On the thread pool, the world's guard that keeps actors from running while time moves (null: the deterministic driver runs them itself).</summary>
    internal ITimeMoveGuard? Guard { get; set; }

    /// <inheritdoc/>
    public bool IsVirtual => true;

    /// <summary>How many timers are pending (neither fired nor cancelled).</summary>
    public int PendingTimers
    {
        get { lock (_gate) return _live; }
    }

    /// <inheritdoc/>
    public IClockTimer Schedule(Duration delay, Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var entry = new Entry(this, callback, state) { Cancelled = true };
        entry.Start(delay);
        return entry;
    }

    /// <inheritdoc/>
    public IClockTimer CreateTimer(Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new Entry(this, callback, state) { Cancelled = true };
    }

    private void Start(Entry entry, Duration delay, long? orderAsOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay.Nanoseconds, nameof(delay));
        lock (_gate)
        {
            if (!entry.Fired && !entry.Cancelled) _live--;
            long due = delay.IsInfinite ? long.MaxValue : checked(_now + delay.Nanoseconds);
            entry.Generation++;
            entry.Fired = false;
            entry.Cancelled = false;
            _timers.Enqueue(new Slot(entry, entry.Generation), (due, orderAsOf ?? _now, _sequence++));
            _live++;
        }
    }

    /// <summary>Whether any timer is pending: whether anything can still happen in a quiescent world.</summary>
    internal bool HasPendingTimers
    {
        get { lock (_gate) return _live > 0; }
    }

    /// <summary>
    /// Moves time to the earliest timer due at or before <paramref name="limit"/> and runs it.
    /// Leaves time alone when there is none, or when an actor runs (the <see cref="Guard"/> says so).
    /// </summary>
    internal FireResult TryFireNext(long limit)
    {
        Entry entry;
        lock (_gate)
        {
            DropCancelled_NeedsLock();
            if (!_timers.TryPeek(out _, out var key) || key.Due > limit) return FireResult.NoneDue;
            bool moves = key.Due > _now;
            if (moves && Guard?.TryFreeze() == false) return FireResult.Busy;
            entry = _timers.Dequeue().Entry;
            entry.Fired = true;
            _live--;
            _cursor = (key.Due, key.OrderTime);
            if (moves)
            {
                Volatile.Write(ref _now, key.Due);
                Guard?.Thaw();
            }
        }
        entry.Callback(entry.State);
        return FireResult.Fired;
    }

    /// <summary>
    /// Moves time forward to <paramref name="time"/> without firing anything (never backwards), unless
    /// a timer is due by then (a thread outside the world may have made an actor start one since the
    /// caller last looked, and time must never pass a pending timer) or an actor runs now. Returns
    /// false then, leaving time alone, so the caller tries again at quiescence.
    /// </summary>
    internal bool TryAdvanceTo(long time)
    {
        lock (_gate)
        {
            DropCancelled_NeedsLock();
            if (_timers.TryPeek(out _, out var key) && key.Due <= time) return false;
            if (time > _now)
            {
                if (Guard?.TryFreeze() == false) return false;
                Volatile.Write(ref _now, time);
                Guard?.Thaw();
            }
            // Nothing due by then is left: every timer of that instant has had its turn.
            if (time >= _now) _cursor = (_now, long.MaxValue);
            return true;
        }
    }

    /// <inheritdoc/>
    public bool HasFired(long due, long orderTime)
    {
        lock (_gate)
        {
            return due < _cursor.Due || (due == _cursor.Due && orderTime <= _cursor.OrderTime);
        }
    }

    private void DropCancelled_NeedsLock()
    {
        while (_timers.TryPeek(out var head, out _) && head.IsStale) _timers.Dequeue();
    }

    private void Cancel(Entry entry)
    {
        lock (_gate)
        {
            if (entry.Cancelled || entry.Fired) return;
            entry.Cancelled = true;
            _live--;
        }
    }

    /// <summary>One start of a timer, as queued.</summary>
    private readonly record struct Slot(Entry Entry, int Generation)
    {
        /// <summary>Cancelled, or superseded by a later start of the same timer.</summary>
        public bool IsStale => Entry.Cancelled || Entry.Generation != Generation;
    }

    private sealed class Entry(VirtualClock owner, Action<object?> callback, object? state) : IClockTimer
    {
        public readonly VirtualClock Owner = owner;
        public readonly Action<object?> Callback = callback;
        public readonly object? State = state;

        /// <summary>Which start is current; set under the owner's lock.</summary>
        public int Generation;

        /// <summary>Set under the owner's lock; a fired entry cannot be cancelled any more.</summary>
        public bool Fired;

        /// <summary>Set under the owner's lock (and before the first start); the queue drops cancelled entries when they reach its head.</summary>
        public bool Cancelled;

        public bool IsCancelled => Volatile.Read(ref Cancelled);

        public void Cancel() => Owner.Cancel(this);

        public void Start(Duration delay, long? orderAsOf = null) => Owner.Start(this, delay, orderAsOf);
    }
}
