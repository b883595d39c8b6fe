using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Akka.Actor;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime;

// Driving the world: running actors until a condition holds, and moving virtual time.
//
// The one rule for virtual time: it moves only at quiescence (nothing runnable, nothing in
// flight), and then only to the earliest pending timer, which fires before anything else runs.
// So all effects of time t settle before time t' > t begins, on either dispatcher. The
// deterministic world runs only while somebody drives it, on the driving thread; the thread pool
// runs by itself, and a driver waits for quiescence and moves time. While an Advance or RunUntil
// runs on the thread pool, the pool thread that brings the world to quiescence fires the next
// timer itself (no wake-up of the driver per step of virtual time).
//
// Who may drive: any thread but the world's own. From inside an actor (its mailbox cannot run
// while it waits), a timer callback or a RunUntil condition evaluated on a pool thread, every
// drive is refused at once with ActorDeadlockException, never a hang.
public sealed partial class SimulatedWorld
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(10);

    /// <summary>Set while this thread fires a timer or evaluates a condition on the world's behalf.</summary>
    [ThreadStatic]
    private static bool t_onWorldThread;

    /// <summary>Serializes "is the world quiescent? then fire the next timer" across drivers (thread pool).</summary>
    private readonly Lock _timeGate = new();

    /// <summary>The Advance or RunUntil in progress that pool threads may serve inline, or null.</summary>
    private InlineDrive? _inline;

    /// <summary>
    /// Runs the world until <paramref name="condition"/> holds, for at most <paramref name="timeout"/>
    /// of the world's time (virtual or real). On the virtual clock, returns <see cref="RunOutcome.Idle"/>
    /// at once when nothing is runnable and no timer is pending, since nothing could change then.
    /// </summary>
    /// <remarks>
    /// On the thread pool the condition may be evaluated on a pool thread (the one that brought
    /// the world to quiescence): it must be thread-safe and must not block; an exception it throws
    /// is rethrown here.
    /// </remarks>
    /// <exception cref="ActorDeadlockException">Called from inside an actor, a timer callback or a condition.</exception>
    public RunOutcome RunUntil(Func<bool> condition, Duration timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        EnsureNotInsideTheWorld(nameof(RunUntil));
        return DriveInline(condition, Deadline(timeout));
    }

    /// <summary>
    /// Runs until no actor has work, firing only timers already due; the virtual clock does not
    /// move. On the real clock, waits until nothing has been in flight across two looks.
    /// </summary>
    /// <exception cref="ActorDeadlockException">Called from inside an actor, a timer callback or a condition.</exception>
    public void RunUntilIdle()
    {
        EnsureNotInsideTheWorld(nameof(RunUntilIdle));
        if (_virtual is not null) Drive(static () => false, Clock.NowNanoseconds, hopeless: null);
        else WaitForRealQuiescence();
    }

    /// <summary>
    /// Moves virtual time forward by <paramref name="duration"/>: every timer due in that span
    /// fires in time order, each at quiescence, and the clock ends exactly <paramref name="duration"/>
    /// later. On the real clock, runs for that much wall time.
    /// </summary>
    /// <exception cref="ActorDeadlockException">Called from inside an actor, a timer callback or a condition.</exception>
    public void Advance(Duration duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration.Nanoseconds, nameof(duration));
        EnsureNotInsideTheWorld(nameof(Advance));
        // Time reaches the target inside the drive, at quiescence and under the drive's lock, never
        // after it: a thread that posted meanwhile may have started timers due before the target.
        DriveInline(static () => false, Deadline(duration), toDeadline: true);
    }

    /// <summary>Whether nothing is runnable and nothing is in flight (the thread pool may change that at any moment).</summary>
    public bool IsQuiescent => Steps is { } steps ? steps.IsEmpty : Counter!.Count == 0;

    /// <summary>
    /// Whether this thread is running the world now: inside an actor of a simulated world, a
    /// timer callback, or a condition evaluated on the world's behalf. A blocking call from here
    /// is refused; a façade uses this to post instead of wait.
    /// </summary>
    public static bool IsInsideTheWorld => Dispatch.CountedRun.IsRunning || Dispatch.DeterministicSteps.IsStepping || t_onWorldThread;

    /// <summary>Refuses a drive from a thread the world itself is using.</summary>
    internal static void EnsureNotInsideTheWorld(string call)
    {
        // Akka's TestKit makes its TestActor the "current actor" of the test thread (the implicit
        // sender of the test's Tells), so a current actor alone does not mean "inside the world":
        // our dispatchers say whether this thread is running a mailbox now.
        if (Dispatch.CountedRun.IsRunning || Dispatch.DeterministicSteps.IsStepping)
        {
            var self = ActorCell.GetCurrentSelfOrNoSender();
            throw new ActorDeadlockException(
                $"{call} was called from inside actor {self?.Path.ToString() ?? "(unknown)"}: its mailbox cannot run while it waits, so it would wait for itself. Tell the message and handle the reply as a message (a completion callback may read state, prep, submit and issue, but not block).");
        }
        if (t_onWorldThread)
        {
            throw new ActorDeadlockException(
                $"{call} was called from a timer callback or a RunUntil condition, which run on a thread that is moving the world's time: it would wait for itself. Conditions and callbacks must only read state.");
        }
    }

    private long Deadline(Duration timeout) =>
        timeout.IsInfinite ? long.MaxValue : (Clock.Now + timeout).Nanoseconds;

    /// <summary>Drives; one such drive at a time lets pool threads move time inline (thread pool, virtual clock).</summary>
    /// <param name="done">What the caller waits for.</param>
    /// <param name="deadline">The world's time (ns) at which to stop.</param>
    /// <param name="toDeadline">Advance: an idle world's clock still moves to the deadline.</param>
    private RunOutcome DriveInline(Func<bool> done, long deadline, bool toDeadline = false)
    {
        var drive = Counter is not null && _virtual is not null ? new InlineDrive(deadline, done) : null;
        bool inline = drive is not null && Interlocked.CompareExchange(ref _inline, drive, null) is null;
        try
        {
            var outcome = Drive(done, deadline, hopeless: null, toDeadline);
            // The condition threw on a pool thread: the caller gets that very exception.
            if (drive?.Failure is { } failure) ExceptionDispatchInfo.Capture(failure).Throw();
            return outcome;
        }
        finally
        {
            if (inline) Volatile.Write(ref _inline, null);
        }
    }

    /// <param name="done">What the caller waits for.</param>
    /// <param name="deadline">The world's time (ns) at which to stop.</param>
    /// <param name="hopeless">Checked at quiescence: true ends the drive as idle (the awaited reply can no longer come).</param>
    /// <param name="toDeadline">Whether an idle world's virtual clock moves to <paramref name="deadline"/> (Advance) or stays (RunUntil, asks).</param>
    internal RunOutcome Drive(Func<bool> done, long deadline, Func<bool>? hopeless, bool toDeadline = false)
    {
        if (Steps is not null) return DriveDeterministic(done, deadline, hopeless, toDeadline);
        return _virtual is not null ? DriveCounted(done, deadline, hopeless, toDeadline) : DriveReal(done, deadline, hopeless);
    }

    private RunOutcome DriveDeterministic(Func<bool> done, long deadline, Func<bool>? hopeless, bool toDeadline)
    {
        var steps = Steps!;
        if (!EnterSteps(steps, done)) return RunOutcome.ConditionMet;
        try
        {
            long taken = 0;
            while (true)
            {
                ThrowIfDriverFailed();
                if (done()) return RunOutcome.ConditionMet;
                if (steps.TryRunOne())
                {
                    if (++taken > Settings.MaxStepsPerRun)
                    {
                        throw new ActorDeadlockException(
                            $"Seed {steps.Seed}: {taken} steps without reaching the condition (a livelock?). Last steps:{Environment.NewLine}{steps.Trace.Format(20)}");
                    }
                    continue;
                }
                if (hopeless?.Invoke() == true) return RunOutcome.Idle;
                if (FireNextOrEnd(deadline, toDeadline) is { } outcome) return outcome;
            }
        }
        finally
        {
            Monitor.Exit(steps.StepLock);
        }
    }

    /// <summary>Takes the step lock, or returns false if <paramref name="done"/> came true while another thread drove.</summary>
    private bool EnterSteps(Dispatch.DeterministicSteps steps, Func<bool> done)
    {
        while (!Monitor.TryEnter(steps.StepLock))
        {
            if (done()) return false;
            Progress.WaitFor(done, TimeSpan.FromMilliseconds(1));
        }
        return true;
    }

    private RunOutcome DriveCounted(Func<bool> done, long deadline, Func<bool>? hopeless, bool toDeadline)
    {
        var counter = Counter!;
        long started = Stopwatch.GetTimestamp();
        long epoch = counter.Epoch;
        while (true)
        {
            ThrowIfDriverFailed();
            if (done()) return RunOutcome.ConditionMet;
            if (Volatile.Read(ref _inline)?.Failure is not null) return RunOutcome.TimedOut;
            if (counter.Count != 0)
            {
                Progress.WaitFor(() => counter.Count == 0 || done(), WaitSlice);
                // The limit is on wall time without progress: anything begun restarts it.
                long now = counter.Epoch;
                if (now != epoch)
                {
                    epoch = now;
                    started = Stopwatch.GetTimestamp();
                }
                if (Stopwatch.GetElapsedTime(started) > Settings.WallClockLimit)
                {
                    throw new TimeoutException(
                        $"{counter.Count} units of work were still in flight after {Settings.WallClockLimit} of wall time without progress, so virtual time could not move (a livelock, or an actor blocked outside the world?).");
                }
                continue;
            }
            if (hopeless?.Invoke() == true && counter.Count == 0) return RunOutcome.Idle;
            // The condition may have come true on another thread since it was last checked.
            if (AtQuiescence(deadline, toDeadline) is { } outcome) return done() ? RunOutcome.ConditionMet : outcome;
        }
    }

    private RunOutcome DriveReal(Func<bool> done, long deadline, Func<bool>? hopeless)
    {
        while (true)
        {
            ThrowIfDriverFailed();
            if (done()) return RunOutcome.ConditionMet;
            if (hopeless?.Invoke() == true && Counter!.Count == 0) return RunOutcome.Idle;
            long now = Clock.NowNanoseconds;
            if (now >= deadline) return RunOutcome.TimedOut;
            long remaining = deadline - now;
            Progress.WaitFor(done, remaining < WaitSlice.Ticks * 100 ? TimeSpan.FromTicks(Math.Max(1, remaining / 100)) : WaitSlice);
        }
    }

    /// <summary>
    /// Thread pool, nothing in flight: fire the next timer within the deadline, or say how the
    /// drive ends. The check and the firing happen under one lock, with the firing counted in
    /// flight, so no other driver sees the world quiescent, or fires a later timer, before the
    /// effects of this one have settled.
    /// </summary>
    private RunOutcome? AtQuiescence(long deadline, bool toDeadline)
    {
        lock (_timeGate)
        {
            if (Counter!.Count != 0) return null;
            Counter.Begin();
            try
            {
                return FireNextOrEnd(deadline, toDeadline);
            }
            finally
            {
                Counter.End();
            }
        }
    }

    /// <summary>
    /// Fires the next timer due by <paramref name="deadline"/> (null: go on), or ends the drive: idle
    /// without timers (the clock moving to the deadline if <paramref name="toDeadline"/>), timed out
    /// past the deadline. Only ever called at quiescence, by the one thread allowed to move time.
    /// </summary>
    private RunOutcome? FireNextOrEnd(long deadline, bool toDeadline)
    {
        var clock = _virtual!;
        if (!clock.HasPendingTimers)
        {
            // A timer started since the look above (by an actor a thread outside the world woke) goes first.
            if (toDeadline && deadline != long.MaxValue && !clock.TryAdvanceTo(deadline)) return null;
            return RunOutcome.Idle;
        }
        t_onWorldThread = true;
        try
        {
            switch (clock.TryFireNext(deadline))
            {
                case FireResult.Fired:
                case FireResult.Busy: // an actor woken from outside runs: fire at the next quiescence
                    return null;
            }
        }
        finally
        {
            t_onWorldThread = false;
        }
        if (deadline != long.MaxValue && !clock.TryAdvanceTo(deadline)) return null;
        return RunOutcome.TimedOut;
    }

    /// <summary>Called on the pool thread that brought the count to zero.</summary>
    private void OnQuiescent()
    {
        // The thread that brings the world to quiescence moves time itself while an Advance or
        // RunUntil runs: no wake-up of the driver thread per step of virtual time.
        if (Volatile.Read(ref _inline) is not null && AdvanceInline()) return;
        Progress.Pulse();
    }

    /// <summary>
    /// Fires the timers due within the inline drive's deadline right here, one per quiescence, as
    /// the driver would. Returns false when there is nothing left to fire (or the condition holds,
    /// or threw), so the caller wakes the driver to finish.
    /// </summary>
    private bool AdvanceInline()
    {
        if (Volatile.Read(ref _inline) is not { } drive || _virtual is not { } clock) return false;
        lock (_timeGate)
        {
            while (true)
            {
                if (Counter!.Count != 0) return true;
                if (drive.Failure is not null) return false;
                t_onWorldThread = true;
                try
                {
                    // The driver returns as soon as its condition holds: no timer beyond that point.
                    if (drive.Done() || !clock.HasPendingTimers) return false;
                    // Counted in flight while firing, so no other driver sees quiescence meanwhile; the
                    // decrement is quiet: a timer whose callback queued nothing leaves the world
                    // quiescent and this loop fires the next one.
                    Counter.Begin();
                    FireResult fired;
                    try
                    {
                        fired = clock.TryFireNext(drive.Deadline);
                    }
                    finally
                    {
                        Counter.EndQuietly();
                    }
                    // Busy: an actor woken from outside runs. The loop looks again: still running, its
                    // end brings the next quiescence here; already done, the timer fires now.
                    if (fired == FireResult.Busy) continue;
                    if (fired == FireResult.NoneDue) return false;
                }
                catch (Exception failure)
                {
                    drive.Failure = failure;
                    return false;
                }
                finally
                {
                    t_onWorldThread = false;
                }
            }
        }
    }

    /// <summary>Real clock: nothing in flight, across two looks with nothing begun in between.</summary>
    private void WaitForRealQuiescence()
    {
        var counter = Counter!;
        long started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < Settings.WallClockLimit)
        {
            ThrowIfDriverFailed();
            long before = counter.Raw;
            if ((before & 0xFFFF_FFFFL) == 0)
            {
                Progress.WaitFor(static () => false, TimeSpan.FromMilliseconds(1));
                if (counter.Raw == before) return;
                continue;
            }
            Progress.WaitFor(() => counter.Count == 0, WaitSlice);
        }
        throw new TimeoutException($"The world was still busy after {Settings.WallClockLimit} of wall time.");
    }

    private void ThrowIfDriverFailed()
    {
        if (Volatile.Read(ref _driverFailure) is { } failure)
            throw new InvalidOperationException($"The simulation runtime failed on one of its own threads (a bug; please report it): {failure.Message}", failure);
    }

    /// <summary>A drive that pool threads may serve inline: its deadline, its condition, and what the condition threw there.</summary>
    private sealed class InlineDrive(long deadline, Func<bool> done)
    {
        public long Deadline { get; } = deadline;

        public Func<bool> Done { get; } = done;

        public Exception? Failure { get; set; }
    }
}
