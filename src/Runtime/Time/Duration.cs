using System.Globalization;

namespace DmaActors.Runtime.Time;

/// <summary>
/// A span of simulated or real time with nanosecond resolution.
/// </summary>
/// <remarks>
/// <see cref="TimeSpan"/> counts 100 ns ticks, too coarse for a bus clocked at hundreds of MHz
/// (one cycle at 200 MHz is 5 ns), so the kernel measures time in whole nanoseconds.
/// A <see cref="TimeSpan"/> converts implicitly, so callers may pass either.
/// </remarks>
public readonly record struct Duration(long Nanoseconds) : IComparable<Duration>
{
    /// <summary>No time at all.</summary>
    public static readonly Duration Zero;

    /// <summary>The longest representable span; used as "never".</summary>
    public static readonly Duration Infinite = new(long.MaxValue);

    /// <summary>Whole nanoseconds.</summary>
    public static Duration FromNanoseconds(long ns) => new(ns);

    /// <summary>Microseconds.</summary>
    public static Duration FromMicroseconds(double us) => new(checked((long)(us * 1_000d)));

    /// <summary>Milliseconds.</summary>
    public static Duration FromMilliseconds(double ms) => new(checked((long)(ms * 1_000_000d)));

    /// <summary>Seconds.</summary>
    public static Duration FromSeconds(double s) => new(checked((long)(s * 1_000_000_000d)));

    /// <summary>Converts a <see cref="TimeSpan"/> (100 ns ticks) to nanoseconds.</summary>
    public static implicit operator Duration(TimeSpan span) =>
        span == TimeSpan.MaxValue ? Infinite : new(checked(span.Ticks * 100));

    /// <summary>Converts to a <see cref="TimeSpan"/>, truncating below 100 ns.</summary>
    public TimeSpan ToTimeSpan() => this == Infinite ? TimeSpan.MaxValue : TimeSpan.FromTicks(Nanoseconds / 100);

    /// <summary>Whether this span is <see cref="Infinite"/>.</summary>
    public bool IsInfinite => Nanoseconds == long.MaxValue;

    /// <summary>Seconds as a double, for rates and reports.</summary>
    public double TotalSeconds => Nanoseconds / 1e9;

    /// <summary>Sum, saturating at <see cref="Infinite"/>.</summary>
    public static Duration operator +(Duration a, Duration b)
    {
        long sum = unchecked(a.Nanoseconds + b.Nanoseconds);
        // Overflow only when both operands share a sign the result lacks.
        return ((a.Nanoseconds ^ sum) & (b.Nanoseconds ^ sum)) < 0 ? Infinite : new(sum);
    }

    /// <summary>Difference.</summary>
    public static Duration operator -(Duration a, Duration b) => new(a.Nanoseconds - b.Nanoseconds);

    /// <summary>Scales a span by a whole factor.</summary>
    public static Duration operator *(Duration a, long factor) => new(checked(a.Nanoseconds * factor));

    /// <summary>Compares.</summary>
    public static bool operator <(Duration a, Duration b) => a.Nanoseconds < b.Nanoseconds;

    /// <summary>Compares.</summary>
    public static bool operator >(Duration a, Duration b) => a.Nanoseconds > b.Nanoseconds;

    /// <summary>Compares.</summary>
    public static bool operator <=(Duration a, Duration b) => a.Nanoseconds <= b.Nanoseconds;

    /// <summary>Compares.</summary>
    public static bool operator >=(Duration a, Duration b) => a.Nanoseconds >= b.Nanoseconds;

    /// <inheritdoc/>
    public int CompareTo(Duration other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>A human-readable form with the largest unit that keeps it short (e.g. <c>1.5us</c>).</summary>
    public override string ToString()
    {
        if (IsInfinite) return "infinite";
        long ns = Nanoseconds;
        long abs = Math.Abs(ns);
        return abs switch
        {
            >= 1_000_000_000 => (ns / 1e9).ToString("0.###", CultureInfo.InvariantCulture) + "s",
            >= 1_000_000 => (ns / 1e6).ToString("0.###", CultureInfo.InvariantCulture) + "ms",
            >= 1_000 => (ns / 1e3).ToString("0.###", CultureInfo.InvariantCulture) + "us",
            _ => ns.ToString(CultureInfo.InvariantCulture) + "ns",
        };
    }
}
