using System.Diagnostics;

namespace DmaActors.Runtime.Time;

/// <summary>
/// Wall time, for soak and stress runs: nanosecond timers on the .NET timer queue (about a
/// millisecond of resolution), beside Akka's own scheduler for Akka's timers.
/// </summary>
public sealed class RealClock : IClock
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <inheritdoc/>
    public long NowNanoseconds =>
        (long)((Stopwatch.GetTimestamp() - _origin) * (1_000_000_000d / Stopwatch.Frequency));

    /// <inheritdoc/>
    public bool IsVirtual => false;

    /// <inheritdoc/>
    public IClockTimer Schedule(Duration delay, Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentOutOfRangeException.ThrowIfNegative(delay.Nanoseconds, nameof(delay));
        var timer = new Restartable(callback, state);
        timer.Start(delay);
        return timer;
    }

    /// <inheritdoc/>
    public bool HasFired(long due, long orderTime) => due <= NowNanoseconds;

    /// <inheritdoc/>
    /// <remarks>On the real clock each start arms a new one-shot timer; ties are not ordered.</remarks>
    public IClockTimer CreateTimer(Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new Restartable(callback, state);
    }

    private sealed class Restartable(Action<object?> callback, object? state) : IClockTimer
    {
        private Entry? _current;

        public bool IsCancelled => Volatile.Read(ref _current)?.IsCancelled ?? true;

        public void Cancel() => Volatile.Read(ref _current)?.Cancel();

        public void Start(Duration delay, long? orderAsOf = null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(delay.Nanoseconds, nameof(delay));
            var next = new Entry(delay, callback, state);
            Interlocked.Exchange(ref _current, next)?.Cancel();
        }
    }

    private sealed class Entry
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
