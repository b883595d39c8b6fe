using DmaActors.Runtime.Time;

namespace DmaActors.Runtime.Cells;

/// <summary>
/// One actor's keyed timers. Each start bumps a generation; a fired timer travels as
/// <see cref="TimerFired"/> and is delivered only if its generation is still the current one for
/// its key, so cancel and replace are exact even when the old message is already queued.
/// </summary>
/// <remarks>Owner thread only, except the clock callback, which only posts to the mailbox.</remarks>
internal sealed class TimerScheduler(ActorCell owner) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _entries = [];
    private int _generation;

    public void StartSingleTimer(object key, object message, Duration delay) => Start(key, message, delay, interval: null);

    public void StartPeriodicTimer(object key, object message, Duration interval, Duration? initialDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(interval.Nanoseconds, nameof(interval));
        Start(key, message, initialDelay ?? interval, interval);
    }

    public bool IsTimerActive(object key) => _entries.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_entries.Remove(key, out var entry)) entry.Handle.Cancel();
    }

    public void CancelAll()
    {
        foreach (var entry in _entries.Values) entry.Handle.Cancel();
        _entries.Clear();
    }

    /// <summary>Takes the payload of a fired timer if it is still current; re-arms a periodic one.</summary>
    internal bool TryTake(TimerFired fired, out object payload)
    {
        if (!_entries.TryGetValue(fired.Key, out var entry) || entry.Generation != fired.Generation)
        {
            payload = null!;
            return false;
        }
        payload = entry.Message;
        if (entry.Interval is { } interval) entry.Handle = Arm(entry, interval);
        else _entries.Remove(fired.Key);
        return true;
    }

    private void Start(object key, object message, Duration delay, Duration? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var entry = new Entry(key, message, ++_generation, interval);
        entry.Handle = Arm(entry, delay);
        _entries[key] = entry;
    }

    private ICancelable Arm(Entry entry, Duration delay) =>
        owner.System.Clock.Schedule(delay, static state =>
        {
            var (cell, fired) = ((ActorCell, TimerFired))state!;
            cell.Post(fired, null);
        }, (owner, new TimerFired(entry.Key, entry.Generation)));

    private sealed class Entry(object key, object message, int generation, Duration? interval)
    {
        public object Key { get; } = key;
        public object Message { get; } = message;
        public int Generation { get; } = generation;
        public Duration? Interval { get; } = interval;
        public ICancelable Handle { get; set; } = null!;
    }
}
