namespace DmaActors.Runtime.Time;

/// <summary>
/// Simulated time in nanoseconds. Timers fire in (due time, scheduling order); time never moves by
/// itself: the actor system's driver jumps it to the next timer only at global quiescence
/// (no message in flight anywhere), so every effect of time t is settled before time t+1 begins.
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

    /// <summary>Pending timers keyed by (due, sequence): equal due times fire in scheduling order.</summary>
    private readonly PriorityQueue<Entry, (long Due, long Sequence)> _timers = new();

    /// <summary>Current simulated time; written only by the driver, read by anyone.</summary>
    private long _now;

    /// <summary>Tie-breaker that makes timer order total and reproducible.</summary>
    private long _sequence;

    /// <summary>Timers neither fired nor cancelled (cancelled ones may still sit in the queue).</summary>
    private int _live;

    /// <inheritdoc/>
    public long NowNanoseconds => Volatile.Read(ref _now);

    /// <inheritdoc/>
    public bool IsVirtual => true;

    /// <summary>How many timers are pending (neither fired nor cancelled).</summary>
    public int PendingTimers
    {
        get { lock (_gate) return _live; }
    }

    /// <inheritdoc/>
    public ICancelable Schedule(Duration delay, Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentOutOfRangeException.ThrowIfNegative(delay.Nanoseconds, nameof(delay));
        lock (_gate)
        {
            long due = delay.IsInfinite ? long.MaxValue : checked(_now + delay.Nanoseconds);
            var entry = new Entry(this, callback, state);
            _timers.Enqueue(entry, (due, _sequence++));
            _live++;
            return entry;
        }
    }

    /// <summary>Whether any timer other than <paramref name="except"/> is pending: whether anything can still happen.</summary>
    internal bool HasPendingTimersOtherThan(ICancelable? except)
    {
        lock (_gate)
        {
            bool exceptIsLive = except is Entry e && e.Owner == this && !e.Fired && !e.Cancelled;
            return _live > (exceptIsLive ? 1 : 0);
        }
    }

    /// <summary>
    /// Moves time to the earliest timer due at or before <paramref name="limit"/> and runs it.
    /// Returns false, leaving time alone, when there is none.
    /// </summary>
    internal bool TryFireNext(long limit)
    {
        Entry entry;
        lock (_gate)
        {
            DropCancelled_NeedsLock();
            if (!_timers.TryPeek(out _, out var key) || key.Due > limit) return false;
            entry = _timers.Dequeue();
            entry.Fired = true;
            _live--;
            if (key.Due > _now) Volatile.Write(ref _now, key.Due);
        }
        entry.Callback(entry.State);
        return true;
    }

    /// <summary>Moves time forward to <paramref name="time"/> without firing anything (never backwards).</summary>
    internal void AdvanceTo(long time)
    {
        lock (_gate)
        {
            if (time > _now) Volatile.Write(ref _now, time);
        }
    }

    private void DropCancelled_NeedsLock()
    {
        while (_timers.TryPeek(out var head, out _) && head.Cancelled) _timers.Dequeue();
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

    private sealed class Entry(VirtualClock owner, Action<object?> callback, object? state) : ICancelable
    {
        public readonly VirtualClock Owner = owner;
        public readonly Action<object?> Callback = callback;
        public readonly object? State = state;

        /// <summary>Set under the owner's lock; a fired entry cannot be cancelled any more.</summary>
        public bool Fired;

        /// <summary>Set under the owner's lock; the queue drops cancelled entries when they reach its head.</summary>
        public bool Cancelled;

        public bool IsCancelled => Volatile.Read(ref Cancelled);

        public void Cancel() => Owner.Cancel(this);
    }
}
