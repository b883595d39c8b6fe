using System.Diagnostics;
using DmaActors.Runtime.Cells;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime;

// Driving the system: running actors until a condition holds, and moving virtual time.
//
// The one rule for virtual time: it moves only at quiescence (nothing runnable, nothing in
// flight), and then only to the earliest pending timer, which fires before anything else
// runs. So all effects of time t settle before time t' > t begins, on either dispatcher.
// The deterministic dispatcher runs only while somebody drives it; the thread pool runs by
// itself and a driver only waits for quiescence and moves time.
public sealed partial class ActorSystem
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(10);

    /// <summary>Serializes "is the system quiescent? then fire the next timer" across drivers.</summary>
    private readonly Lock _timeGate = new();

    /// <summary>The <see cref="Advance"/> or <see cref="RunUntil"/> in progress that actor threads may serve inline, or null.</summary>
    private InlineDrive? _inline;

    /// <summary>
    /// Runs the system until <paramref name="condition"/> holds, for at most <paramref name="timeout"/>
    /// of the system's time (virtual or real). On the virtual clock, returns <see cref="RunOutcome.Idle"/>
    /// at once when nothing is runnable and no timer is pending, since nothing could change then.
    /// </summary>
    /// <remarks>
    /// On the thread pool with the virtual clock, the thread that brings the system to quiescence
    /// checks <paramref name="condition"/> and fires the next timer itself, so the condition may
    /// be evaluated on any thread (it already runs concurrently with the actors).
    /// </remarks>
    public RunOutcome RunUntil(Func<bool> condition, Duration timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return DriveInline(condition, timeout);
    }

    /// <summary>
    /// Runs until no actor has work, firing only timers already due; the virtual clock does not
    /// move. On the real clock, waits until every mailbox has stayed empty across two scans.
    /// </summary>
    public void RunUntilIdle()
    {
        if (Clock.IsVirtual) Drive(static () => false, Duration.Zero, ownTimer: null);
        else WaitForRealQuiescence();
    }

    /// <summary>
    /// Moves virtual time forward by <paramref name="duration"/>: every timer due in that span
    /// fires in time order, each at quiescence, and the clock ends exactly <paramref name="duration"/>
    /// later. On the real clock, runs for that much wall time.
    /// </summary>
    public void Advance(Duration duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration.Nanoseconds, nameof(duration));
        long target = Deadline(duration);
        DriveInline(static () => false, duration);
        if (Clock is VirtualClock virtualClock) virtualClock.AdvanceTo(target);
    }

    /// <summary>
    /// Drives; one such drive at a time lets actor threads move time inline (thread pool, virtual
    /// clock): no wake-up of the driving thread per virtual-time step.
    /// </summary>
    private RunOutcome DriveInline(Func<bool> done, Duration timeout)
    {
        var drive = _countsInFlight ? new InlineDrive(Deadline(timeout), done) : null;
        bool inline = drive is not null && Interlocked.CompareExchange(ref _inline, drive, null) is null;
        try
        {
            return Drive(done, timeout, ownTimer: null);
        }
        finally
        {
            if (inline) Volatile.Write(ref _inline, null);
        }
    }

    internal RunOutcome Drive(Func<bool> done, Duration timeout, ICancelable? ownTimer)
    {
        long deadline = Deadline(timeout);
        if (_deterministic is not null) return DriveDeterministic(done, deadline, ownTimer);
        return Clock is VirtualClock virtualClock ? DriveVirtual(virtualClock, done, deadline, ownTimer) : DriveReal(done, deadline);
    }

    private long Deadline(Duration timeout) =>
        timeout.IsInfinite ? long.MaxValue : (Clock.Now + timeout).Nanoseconds;

    private RunOutcome DriveDeterministic(Func<bool> done, long deadline, ICancelable? ownTimer)
    {
        long steps = 0;
        while (true)
        {
            if (done()) return RunOutcome.ConditionMet;
            if (_deterministic!.TryRunOne())
            {
                if (++steps > Settings.MaxStepsPerRun)
                {
                    throw new ActorDeadlockException(
                        $"Seed {Seed}: {steps} steps without reaching the condition (a livelock?). Last steps:{Environment.NewLine}{ScheduleTrace!.Format(20)}");
                }
                continue;
            }
            if (Clock is VirtualClock virtualClock)
            {
                if (AtQuiescence(virtualClock, deadline, ownTimer) is { } outcome) return outcome;
                continue;
            }
            long now = Clock.NowNanoseconds;
            if (now >= deadline) return RunOutcome.TimedOut;
            // Real clock: wait for a timer thread or another thread to make a cell ready.
            Progress.WaitFor(() => _deterministic.ReadyCount > 0 || done(), Slice(deadline - now));
        }
    }

    private RunOutcome DriveVirtual(VirtualClock clock, Func<bool> done, long deadline, ICancelable? ownTimer)
    {
        long started = Stopwatch.GetTimestamp();
        long epoch = Volatile.Read(ref _inFlight) >> 32;
        while (true)
        {
            if (done()) return RunOutcome.ConditionMet;
            if (!IsQuiescent())
            {
                Progress.WaitFor(() => IsQuiescent() || done(), WaitSlice);
                // The limit is on wall time without progress: any message queued restarts it.
                long now = Volatile.Read(ref _inFlight) >> 32;
                if (now != epoch)
                {
                    epoch = now;
                    started = Stopwatch.GetTimestamp();
                }
                if (Stopwatch.GetElapsedTime(started) > Settings.WallClockLimit)
                {
                    throw new TimeoutException(
                        $"{InFlight} messages were still in flight after {Settings.WallClockLimit} of wall time, so virtual time could not move (a livelock, or an actor blocked outside the kernel?).");
                }
                continue;
            }
            // The condition may have come true on another thread since it was last checked.
            if (AtQuiescence(clock, deadline, ownTimer) is { } outcome) return done() ? RunOutcome.ConditionMet : outcome;
        }
    }

    private RunOutcome DriveReal(Func<bool> done, long deadline)
    {
        while (true)
        {
            if (done()) return RunOutcome.ConditionMet;
            long now = Clock.NowNanoseconds;
            if (now >= deadline) return RunOutcome.TimedOut;
            Progress.WaitFor(done, Slice(deadline - now));
        }
    }

    /// <summary>
    /// Nothing is runnable: fire the next timer within the deadline, or say how the drive ends.
    /// Several threads may drive at once (a test thread and an actor blocked in an ask): the
    /// quiescence check and the firing happen under one lock, with the firing counted in flight,
    /// so no other driver can see the system quiescent, or fire a later timer, before the effects
    /// of this one have settled.
    /// </summary>
    private RunOutcome? AtQuiescence(VirtualClock clock, long deadline, ICancelable? ownTimer)
    {
        lock (_timeGate)
        {
            if (_deterministic is null && !IsQuiescent()) return null;
            if (!clock.HasPendingTimersOtherThan(ownTimer)) return RunOutcome.Idle;
            BeginWork();
            try
            {
                if (clock.TryFireNext(deadline)) return null;
            }
            finally
            {
                EndWork();
            }
            if (deadline != long.MaxValue) clock.AdvanceTo(deadline);
            return RunOutcome.TimedOut;
        }
    }

    /// <summary>
    /// Called on the thread that brought the system to quiescence while an Advance or RunUntil runs: fires
    /// the timers due within the Advance's deadline right here, one per quiescence, as the driver
    /// would. Returns false when there is nothing left to fire, so the caller wakes the driver
    /// to finish the Advance.
    /// </summary>
    private bool AdvanceInline()
    {
        if (Volatile.Read(ref _inline) is not { } drive || Clock is not VirtualClock clock) return false;
        lock (_timeGate)
        {
            while (true)
            {
                if (!IsQuiescent()) return true;
                // The driver returns as soon as its condition holds: no timer beyond that point.
                if (drive.Done() || !clock.HasPendingTimersOtherThan(null)) return false;
                // Counted in flight while firing, so no other driver sees quiescence meanwhile; the
                // decrement is plain: a timer whose callback queued nothing leaves the system
                // quiescent and this loop fires the next one.
                Interlocked.Add(ref _inFlight, QueuedEpoch + 1);
                bool fired;
                try
                {
                    fired = clock.TryFireNext(drive.Deadline);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
                if (!fired) return false;
            }
        }
    }

    private static TimeSpan Slice(long remainingNanoseconds) =>
        remainingNanoseconds < WaitSlice.Ticks * 100 ? TimeSpan.FromTicks(Math.Max(1, remainingNanoseconds / 100)) : WaitSlice;

    /// <summary>Real clock: every cell idle with an empty mailbox, and no message handled between two scans.</summary>
    private void WaitForRealQuiescence()
    {
        long started = Stopwatch.GetTimestamp();
        long previous = -1;
        while (Stopwatch.GetElapsedTime(started) < Settings.WallClockLimit)
        {
            long handled = ScanHandled(_root);
            if (handled >= 0 && handled == previous) return;
            previous = handled;
            Progress.WaitFor(static () => false, TimeSpan.FromMilliseconds(1));
        }
        throw new TimeoutException($"The system was still busy after {Settings.WallClockLimit} of wall time.");
    }

    /// <summary>Sum of messages handled under <paramref name="cell"/>, or -1 if any cell there is busy.</summary>
    private static long ScanHandled(ActorCell cell)
    {
        if (cell.IsScheduled || cell.HasUserMessages) return -1;
        long sum = cell.ProcessedCount;
        foreach (var child in cell.ChildCells())
        {
            long handled = ScanHandled(child);
            if (handled < 0) return -1;
            sum += handled;
        }
        return sum;
    }

    /// <summary>A drive that actor threads may serve inline: its deadline and its condition.</summary>
    private sealed record InlineDrive(long Deadline, Func<bool> Done);
}
