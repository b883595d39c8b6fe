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

    /// <inheritdoc/>
    public bool HasFired(long due, long orderTime) => due <= NowNanoseconds;

    /// <inheritdoc/>
    /// <remarks>On the real clock each start arms a new one-shot timer; ties are not ordered.</remarks>
    public IClockTimer CreateTimer(Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new Restartable(this, callback, state);
    }

    private sealed class Restartable(RealClock clock, Action<object?> callback, object? state) : IClockTimer
    {
        private ICancelable? _current;

        public bool IsCancelled => Volatile.Read(ref _current)?.IsCancelled ?? true;

        public void Cancel() => Volatile.Read(ref _current)?.Cancel();

        public void Start(Duration delay, long? orderAsOf = null)
        {
            var next = clock.Schedule(delay, callback, state);
            Interlocked.Exchange(ref _current, next)?.Cancel();
        }
    }

    private sealed class Entry : ICancelable
    {
        private const int Pending = 0, Fired = 1, Cancelled = 2;

        private readonly ITimer? _timer;

        /// <summary>Pending until it either fires or is cancelled, whichever wins the CAS: IsCancelled is exact.</summary>
        private int _state;

        public Entry(Duration delay, Action<object?> callback, object? state)
        {
            if (delay.IsInfinite) return;
            // The timer is rooted by the timer queue until it fires or is disposed.
            _timer = TimeProvider.System.CreateTimer(
                s => { if (Interlocked.CompareExchange(ref _state, Fired, Pending) == Pending) callback(s); },
                state,
                delay.ToTimeSpan(),
                Timeout.InfiniteTimeSpan);
        }

        public bool IsCancelled => Volatile.Read(ref _state) == Cancelled;

        public void Cancel()
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Pending) == Pending) _timer?.Dispose();
        }
    }
}
