using System.Runtime.CompilerServices;
using DmaActors.Runtime.Cells;
using DmaActors.Runtime.Dispatch;
using DmaActors.Runtime.Events;
using DmaActors.Runtime.Supervision;
using DmaActors.Runtime.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DmaActors.Runtime;

/// <summary>
/// A hierarchy of actors with one dispatcher and one clock. Top-level actors live under
/// <c>/user</c>; the kernel's own helpers (test probes) under <c>/system</c>.
/// </summary>
/// <remarks>
/// Quiescence: on the virtual clock with the thread-pool dispatcher, every queued message (user
/// or system) is counted in flight from just before it is queued until just after it is handled;
/// zero means no actor has anything to do, which is the only moment virtual time may move.
/// The deterministic dispatcher needs no counter: its ready set is empty exactly then.
/// Split by concern: Drive (running and time), Ask, Shutdown.
/// </remarks>
public sealed partial class ActorSystem : IDisposable
{
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly Dispatcher _dispatcher;
    private readonly DeterministicDispatcher? _deterministic;

    /// <summary>Whether messages in flight are counted (virtual clock on the thread pool).</summary>
    private readonly bool _countsInFlight;

    /// <summary>
    /// Low 32 bits: messages queued and not yet handled. High 32 bits: how many were ever queued
    /// (mod 2^32), so a reader can tell "nothing happened between two reads" from "things happened
    /// and cancelled out". One interlocked add per queued message and one per handled message;
    /// maintained only when <see cref="_countsInFlight"/>.
    /// </summary>
    private long _inFlight;

    /// <summary>Cells blocked inside a blocking ask, with the reply each waits for (thread pool, virtual clock); guarded by locking the map.</summary>
    private readonly Dictionary<ActorCell, Task> _blocked = [];

    /// <summary>Size of <see cref="_blocked"/>, readable without the lock.</summary>
    private int _blockedCount;

    private long _deadLetters;
    private IActorTracer? _tracer;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        LoggerFactory = settings.LoggerFactory ?? NullLoggerFactory.Instance;
        Log = LoggerFactory.CreateLogger<ActorSystem>();
        Clock = settings.Clock == ClockKind.Virtual ? new VirtualClock() : new RealClock();
        if (settings.Dispatcher == DispatcherKind.Deterministic)
        {
            _deterministic = new DeterministicDispatcher(settings.EffectiveSeed, settings.TraceCapacity, Progress.Pulse);
            _dispatcher = _deterministic;
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Throughput, nameof(settings.Throughput));
            _dispatcher = new ThreadPoolDispatcher(settings.Throughput);
            _countsInFlight = Clock.IsVirtual;
        }
        DeadLetters = new DeadLettersRef(this);
        _root = new ActorCell(this, null, "", Props.Create(() => new GuardianActor()).WithSupervisorStrategy(SupervisorStrategy.Stopping), _dispatcher);
        _root.SendSystem(new Create());
        _userGuardian = _root.SpawnChild(Props.Create(() => new GuardianActor()).WithSupervisorStrategy(settings.GuardianStrategy), "user", _dispatcher);
        _systemGuardian = _root.SpawnChild(Props.Create(() => new GuardianActor()), "system", _dispatcher);
    }

    /// <summary>Creates a system.</summary>
    /// <param name="name">A name for logs.</param>
    /// <param name="settings">Dispatcher, clock and the rest; the defaults when null.</param>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ActorSystem(name, settings ?? new ActorSystemSettings());
    }

    /// <summary>The name given at creation.</summary>
    public string Name { get; }

    /// <summary>How this system runs.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The system's time source (virtual or real).</summary>
    public IClock Clock { get; }

    /// <summary>Type-keyed publish/subscribe for dead letters, unhandled messages, failures and user events.</summary>
    public EventStream EventStream { get; } = new();

    /// <summary>Where undeliverable messages go.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>The logger factory the kernel and actors log through.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The seed of the deterministic dispatcher; null on the thread pool.</summary>
    public ulong? Seed => _deterministic?.Seed;

    /// <summary>The steps the deterministic dispatcher has taken; null on the thread pool.</summary>
    public ScheduleTrace? ScheduleTrace => _deterministic?.Trace;

    /// <summary>Observes every send, receive and timer; null (the default) costs one read per message.</summary>
    public IActorTracer? Tracer
    {
        get => Volatile.Read(ref _tracer);
        set => Volatile.Write(ref _tracer, value);
    }

    internal ILogger Log { get; }

    internal ProgressSignal Progress { get; } = new();

    /// <summary>Messages in flight (counted only on the virtual clock with the thread-pool dispatcher).</summary>
    internal long InFlight => Volatile.Read(ref _inFlight) & InFlightMask;

    private const long InFlightMask = 0xFFFF_FFFFL;
    private const long QueuedEpoch = 1L << 32;

    /// <summary>Starts a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.SpawnChild(props, name, _dispatcher).Self;

    /// <summary>Starts a kernel helper under <c>/system</c> (test probes and the like).</summary>
    internal IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.SpawnChild(props, name, _dispatcher).Self;

    /// <summary>Stops <paramref name="actor"/> after the message it is handling; its queue goes to dead letters.</summary>
    public void Stop(IActorRef actor) => OwnCell(actor).SendSystem(new Terminate());

    /// <summary>A task that completes when <paramref name="actor"/> has stopped.</summary>
    public Task WhenTerminated(IActorRef actor) => OwnCell(actor).WhenTerminated;

    private ActorCell OwnCell(IActorRef actor)
    {
        var cell = CellOf(actor, nameof(actor));
        return cell.System == this ? cell : throw new ArgumentException($"{actor.Path} belongs to system '{cell.System.Name}', not '{Name}'.", nameof(actor));
    }

    internal Dispatcher DispatcherFor(Props props) => _dispatcher;

    /// <summary>The cell behind a ref of this process; anything else cannot be watched or stopped.</summary>
    internal static ActorCell CellOf(IActorRef actor, string parameter)
    {
        ArgumentNullException.ThrowIfNull(actor, parameter);
        return actor is LocalActorRef local
            ? local.Cell
            : throw new ArgumentException($"{actor.Path} is not an actor (it is a {actor.GetType().Name}); only actors can be watched or stopped.", parameter);
    }

    internal static ActorSystem SystemOf(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is IInternalActorRef known
            ? known.System
            : throw new ArgumentException($"{actor.Path} was not made by an ActorSystem; ask an actor ref.", nameof(actor));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void BeginWork(int count = 1)
    {
        if (_countsInFlight) Interlocked.Add(ref _inFlight, QueuedEpoch + count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EndWork()
    {
        if (_countsInFlight) EndCountedWork();
    }

    private void EndCountedWork()
    {
        long value = Interlocked.Decrement(ref _inFlight);
        if ((value & InFlightMask) == 0)
        {
            // The thread that brings the system to quiescence moves time itself while an
            // Advance or RunUntil is running: no wake-up of the driver thread per virtual-time step.
            if (Volatile.Read(ref _inline) is not null && AdvanceInline()) return;
            Progress.Pulse();
        }
        // While an actor is blocked in an ask, quiescence is "everything left is stuck behind
        // it", which only the driver can judge: wake it on every handled message then.
        else if (Volatile.Read(ref _blockedCount) > 0)
        {
            Progress.Pulse();
        }
    }

    /// <summary>
    /// No actor can make progress: nothing in flight, or everything in flight waits in the
    /// mailbox of an actor blocked in an ask whose reply has not come. Sound under concurrency
    /// because the check is accepted only if no message was queued or handled while it ran.
    /// </summary>
    internal bool IsQuiescent()
    {
        long before = Volatile.Read(ref _inFlight);
        long inFlight = before & InFlightMask;
        // A blocked actor enters the map before it stops counting, so with none there the count
        // says it all. With one there, even a zero count is not quiescence if its reply is in: it
        // is about to run again (time must not move, nor a drive end as idle, in between).
        if (Volatile.Read(ref _blockedCount) == 0) return inFlight == 0;
        long stuck = 0;
        lock (_blocked)
        {
            foreach (var (cell, reply) in _blocked)
            {
                // Its reply is in: it is about to run again, not stuck.
                if (reply.IsCompleted) return false;
                stuck += cell.Backlog;
            }
        }
        return stuck == inFlight && Volatile.Read(ref _inFlight) == before;
    }

    internal void EnterBlocked(ActorCell cell, Task reply)
    {
        lock (_blocked)
        {
            if (_blocked.TryAdd(cell, reply)) Interlocked.Increment(ref _blockedCount);
        }
    }

    internal void ExitBlocked(ActorCell cell)
    {
        lock (_blocked)
        {
            if (_blocked.Remove(cell)) Interlocked.Decrement(ref _blockedCount);
        }
    }

    /// <summary>Reports an undeliverable message: fails an ask waiting on it, logs (up to a budget) and publishes it.</summary>
    internal void DeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        if (sender is IPromiseRef promise) promise.RecipientStopped(recipient, message);
        // Kernel envelopes for a stopped actor and letters about letters are nobody's business.
        if (message is TimerFired or DeliverTerminated or Events.DeadLetter) return;
        long count = Interlocked.Increment(ref _deadLetters);
        if (count <= Settings.DeadLetterLogLimit)
        {
            Log.LogInformation("Dead letter: {Message} from {Sender} to {Recipient}{Suffix}", message.GetType().Name, sender?.Path ?? "nobody", recipient.Path,
                count == Settings.DeadLetterLogLimit ? " (further dead letters are published but not logged)" : "");
        }
        EventStream.Publish(new DeadLetter(message, sender, recipient));
    }

    internal void PublishUnhandled(UnhandledMessage unhandled)
    {
        Log.LogDebug("Unhandled: {Message} from {Sender} to {Recipient}", unhandled.Message.GetType().Name, unhandled.Sender?.Path ?? "nobody", unhandled.Recipient.Path);
        EventStream.Publish(unhandled);
    }

    internal void OnRootFailure(Exception cause)
    {
        Log.LogCritical(cause, "The root guardian of {System} failed; stopping the system", Name);
        _root.SendSystem(new Terminate());
    }

    internal void OnChildTerminated(ActorCell parent, ActorCell child)
    {
        // The user guardian stopped (escalation reached the top): the system is over.
        if (parent == _root && child == _userGuardian) _root.SendSystem(new Terminate());
    }

    internal void OnRootTerminated() => Progress.Pulse();

    /// <summary>The kernel's guardians: they only supervise.</summary>
    private sealed class GuardianActor : Actor;
}
