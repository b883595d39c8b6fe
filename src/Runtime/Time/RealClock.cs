using System.Diagnostics;

namespace DmaActors.Runtime.Time;

/// <summary>Wall time, for soak and stress runs. Timers run on the thread-pool's timer queue.</summary>
public sealed class RealClock : IClock
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <inheritdoc/>
    public long NowNanoseconds =>
        (long)((Stopwatch.GetTimestamp() - _origin) * (1_000_000_000d / Stopwatch.Frequency));

    /// <inheritdoc/>
    public bool IsVirtual => false;

    /// <inheritdoc/>
    public ICancelable Schedule(Duration delay, Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentOutOfRangeException.ThrowIfNegative(delay.Nanoseconds, nameof(delay));
        return new Entry(delay, callback, state);
    }

    private sealed class Entry : ICancelable
    {
        private readonly ITimer? _timer;
        private int _cancelled;

        public Entry(Duration delay, Action<object?> callback, object? state)
        {
            if (delay.IsInfinite) return;
            // The timer is rooted by the timer queue until it fires or is disposed.
            _timer = TimeProvider.System.CreateTimer(
                s => { if (Volatile.Read(ref _cancelled) == 0) callback(s); },
                state,
                delay.ToTimeSpan(),
                Timeout.InfiniteTimeSpan);
        }

        public bool IsCancelled => Volatile.Read(ref _cancelled) != 0;

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0) _timer?.Dispose();
        }
    }
}
