using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// The world's nanosecond timers (<see cref="IClock"/>) on virtual time: exact to the nanosecond,
/// a restart supersedes the pending start, cancel applies to the latest start, and
/// <c>orderAsOf</c> places a timer among equal-time timers as if started at that time.
/// </summary>
public sealed class ClockTimerTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private readonly List<(string What, long At)> _fired = [];

    private VirtualClock Clock => (VirtualClock)World.Clock;

    private Action<object?> Record => state =>
    {
        lock (_fired) _fired.Add(((string)state!, World.Clock.NowNanoseconds));
    };

    [Fact]
    public void A_7_ns_bus_cycle_ends_at_7_ns_not_rounded_to_100_ns()
    {
        World.Clock.Schedule(Duration.FromNanoseconds(7), Record, "cycle");

        RunUntil(() => _fired.Count > 0, Duration.FromMicroseconds(1));

        Assert.Equal([("cycle", 7L)], _fired);
        Assert.Equal(7, World.Clock.NowNanoseconds);
    }

    [Fact]
    public void A_restarted_timer_fires_once_at_its_latest_start_and_never_at_the_superseded_one()
    {
        var timer = World.Clock.CreateTimer(Record, "t");
        Assert.Equal(0, Clock.PendingTimers);

        timer.Start(Duration.FromNanoseconds(100));
        timer.Start(Duration.FromNanoseconds(250));
        Assert.Equal(1, Clock.PendingTimers);
        Advance(Duration.FromMicroseconds(1));

        Assert.Equal([("t", 250L)], _fired);
        Assert.Equal(0, Clock.PendingTimers);
        Assert.False(timer.IsCancelled);
    }

    [Fact]
    public void Cancel_calls_off_the_latest_start_and_a_later_start_runs_again()
    {
        var timer = World.Clock.CreateTimer(Record, "t");
        timer.Start(Duration.FromNanoseconds(100));
        timer.Cancel();
        Assert.True(timer.IsCancelled);
        Assert.Equal(0, Clock.PendingTimers);
        Advance(Duration.FromNanoseconds(500));
        Assert.Empty(_fired);

        timer.Start(Duration.FromNanoseconds(100));
        Advance(Duration.FromNanoseconds(500));

        Assert.Equal([("t", 600L)], _fired);
    }

    [Fact]
    public void A_timer_started_again_after_firing_fires_again()
    {
        var timer = World.Clock.CreateTimer(Record, "t");
        for (int i = 1; i <= 3; i++)
        {
            timer.Start(Duration.FromNanoseconds(10));
            Advance(Duration.FromNanoseconds(10));
        }

        Assert.Equal([("t", 10L), ("t", 20L), ("t", 30L)], _fired);
        Assert.Equal(0, Clock.PendingTimers);
    }

    [Fact]
    public void Equal_due_times_fire_in_start_order_and_order_as_of_moves_a_timer_among_them()
    {
        // Due at 1,000 ns: "early" started at 0; "as-of-500" started at 0 but ordered as if at 500;
        // "mid" started at 300. Order as of: early (0), mid (300), as-of-500 (500).
        var asOf = World.Clock.CreateTimer(Record, "as-of-500");
        asOf.Start(Duration.FromNanoseconds(1_000), orderAsOf: 500);
        World.Clock.Schedule(Duration.FromNanoseconds(1_000), Record, "early");
        Advance(Duration.FromNanoseconds(300));
        World.Clock.Schedule(Duration.FromNanoseconds(700), Record, "mid");
        Advance(Duration.FromNanoseconds(700));

        Assert.Equal(["early", "mid", "as-of-500"], _fired.Select(f => f.What));
        Assert.All(_fired, f => Assert.Equal(1_000L, f.At));
    }

    [Fact]
    public void Timers_started_after_the_order_as_of_time_fire_after_it()
    {
        var asOf = World.Clock.CreateTimer(Record, "as-of-200");
        asOf.Start(Duration.FromNanoseconds(1_000), orderAsOf: 200);
        Advance(Duration.FromNanoseconds(400));
        World.Clock.Schedule(Duration.FromNanoseconds(600), Record, "late");
        Advance(Duration.FromNanoseconds(600));

        Assert.Equal(["as-of-200", "late"], _fired.Select(f => f.What));
    }

    [Fact]
    public void HasFired_tells_whether_a_point_of_an_instant_has_passed()
    {
        World.Clock.Schedule(Duration.FromNanoseconds(100), Record, "t");
        Assert.False(World.Clock.HasFired(100, 0));

        Advance(Duration.FromNanoseconds(100));

        Assert.True(World.Clock.HasFired(100, 0));
        Assert.True(World.Clock.HasFired(99, long.MaxValue));
        Assert.False(World.Clock.HasFired(101, 0));
    }
}
