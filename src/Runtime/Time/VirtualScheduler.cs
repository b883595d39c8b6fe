using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace DmaActors.Runtime.Time;

/// <summary>
/// Akka's scheduler on the simulated world's virtual clock, so Akka's own timers (actor
/// <c>Timers</c>, receive time-outs, the TestKit's, users') run on virtual time and fire in one
/// order with the hardware's nanosecond timers. Named in HOCON as
/// <c>akka.scheduler.implementation</c>; Akka builds it with the system's whole config, from
/// which it finds its world (<see cref="WorldRegistry"/>).
/// </summary>
/// <remarks>
/// A job fires on the thread that moves time, at quiescence, like every virtual timer. A repeated
/// job is restarted when it fires, so its n-th run is exactly n intervals after the first, with no
/// drift. A cancelled job leaves the queue at once (not when it falls due), so a world whose only
/// timers were cancelled is idle.
/// </remarks>
public sealed class VirtualScheduler : SchedulerBase
{
    private readonly VirtualClock _clock;

    /// <summary>Called by Akka when the system starts.</summary>
    /// <param name="config">The system's whole configuration.</param>
    /// <param name="log">Where job failures are logged.</param>
    public VirtualScheduler(Config config, ILoggingAdapter log)
        : base(config, log)
    {
        _clock = WorldRegistry.Find(config).Clock as VirtualClock
            ?? throw new ConfigurationException("akka.scheduler.implementation names the virtual scheduler, but this world's clock is real.");
    }

    /// <summary>Virtual time as a date: the Unix epoch plus the time simulated so far (the same in every run).</summary>
    protected override DateTimeOffset TimeNow => DateTimeOffset.UnixEpoch.AddTicks(_clock.NowNanoseconds / 100);

    /// <inheritdoc/>
    public override TimeSpan MonotonicClock => TimeSpan.FromTicks(_clock.NowNanoseconds / 100);

    /// <inheritdoc/>
    public override TimeSpan HighResMonotonicClock => MonotonicClock;

    /// <inheritdoc/>
    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Start(delay, null, new Tell(receiver, message, sender), cancelable);

    /// <inheritdoc/>
    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Start(initialDelay, interval, new Tell(receiver, message, sender), cancelable);

    /// <inheritdoc/>
    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        Start(delay, null, new Run(action), cancelable);

    /// <inheritdoc/>
    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        Start(delay, null, new Run(action.Run), cancelable);

    /// <inheritdoc/>
    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Start(initialDelay, interval, new Run(action), cancelable);

    /// <inheritdoc/>
    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Start(initialDelay, interval, new Run(action.Run), cancelable);

    private void Start(TimeSpan delay, TimeSpan? interval, Job job, ICancelable? cancelable)
    {
        if (cancelable?.IsCancellationRequested == true) return;
        job.Scheduler = this;
        job.Interval = interval;
        job.Cancelable = cancelable;
        job.Timer = _clock.CreateTimer(static state => ((Job)state!).Fire(), job);
        // Leave the queue as soon as the job is cancelled: a pending timer means "something can still happen".
        cancelable?.Token.Register(static state => ((IClockTimer)state!).Cancel(), job.Timer);
        job.Timer.Start(ToDuration(delay));
    }

    private static Duration ToDuration(TimeSpan span) => span == TimeSpan.MaxValue ? Duration.Infinite : Duration.FromNanoseconds(Math.Max(0, span.Ticks) * 100);

    /// <summary>One scheduled job: what it does, and how it repeats.</summary>
    private abstract class Job
    {
        public VirtualScheduler Scheduler = null!;
        public IClockTimer Timer = null!;
        public TimeSpan? Interval;
        public ICancelable? Cancelable;

        public void Fire()
        {
            if (Cancelable?.IsCancellationRequested == true) return;
            // Restarted before it runs: the next run is one interval after this one's due time
            // (now, on virtual time), whatever the job does.
            if (Interval is { } interval) Timer.Start(ToDuration(interval));
            try
            {
                Execute();
            }
            catch (Exception failure)
            {
                Scheduler.Log.Error(failure, "A job scheduled on virtual time threw; the scheduler carries on.");
            }
        }

        protected abstract void Execute();
    }

    private sealed class Tell(ICanTell receiver, object message, IActorRef sender) : Job
    {
        protected override void Execute() => receiver.Tell(message, sender);
    }

    private sealed class Run(Action action) : Job
    {
        protected override void Execute() => action();
    }
}
