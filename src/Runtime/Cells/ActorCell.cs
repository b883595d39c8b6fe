using System.Globalization;
using DmaActors.Runtime.Dispatch;
using DmaActors.Runtime.Time;
using Microsoft.Extensions.Logging;

namespace DmaActors.Runtime.Cells;

/// <summary>
/// The kernel's record of one actor: its mailbox, its current instance, its place in the
/// hierarchy, its watchers and timers. The actor instance may be replaced (restart); the cell and
/// its mailbox live until the actor stops. The cell is also the context an actor sees.
/// </summary>
/// <remarks>
/// Ownership: everything below is touched only on the actor's own thread (the one running
/// <see cref="Run"/>, which the Scheduled bit makes exclusive), except what the field comment
/// says otherwise: the status word, the system-message stack, the user queue's writer side and
/// the children table (locked, because <c>ActorSystem.ActorOf</c> spawns from any thread).
/// Split by concern: Mailbox, Invoke, Lifecycle, Supervision, DeathWatch, Children, Stash.
/// </remarks>
internal sealed partial class ActorCell : IActorContext
{
    /// <summary>The cell whose actor is being constructed on this thread (read by <see cref="Actor"/>'s constructor).</summary>
    [ThreadStatic]
    private static ActorCell? t_constructing;

    /// <summary>The cell running on this thread, if any: the implicit sender of a Tell, and who blocks in a blocking ask.</summary>
    [ThreadStatic]
    private static ActorCell? t_running;

    private readonly ActorCell? _parent;
    private readonly Dispatcher _dispatcher;

    /// <summary>Whether every step is recorded (deterministic dispatcher); read per message, so a field, not a virtual call.</summary>
    private readonly bool _recordsSteps;

    /// <summary>Rarely used state, created on first use (published with a volatile write: <see cref="CellExtras.BlockedOn"/> is read across threads).</summary>
    private CellExtras? _extras;
    private string? _path;

    /// <summary>The live instance; null before Create, between a failed restart's stop and rebuild, and after stop.</summary>
    private Actor? _actor;

    /// <summary>The message being handled (user messages only); default between messages.</summary>
    private Envelope _current;

    internal ActorCell(ActorSystem system, ActorCell? parent, string name, Props props, Dispatcher dispatcher)
    {
        System = system;
        _parent = parent;
        Name = name;
        Props = props;
        _dispatcher = dispatcher;
        _recordsSteps = dispatcher.RecordsSteps;
        Self = new LocalActorRef(this);
    }

    private CellExtras Extras
    {
        get
        {
            if (_extras is { } extras) return extras;
            Volatile.Write(ref _extras, new CellExtras());
            return _extras!;
        }
    }

    internal static ActorCell? Constructing => t_constructing;

    internal static ActorCell? Running => t_running;

    /// <summary>The actor's name among its siblings.</summary>
    internal string Name { get; }

    /// <summary>The recipe the actor is (re)built from.</summary>
    internal Props Props { get; }

    /// <summary>The full path, built on first use and cached (only logs and traces need it).</summary>
    internal string Path => _path ??= _parent is null ? "/" : (_parent._parent is null ? "/" : _parent.Path + "/") + Name;

    /// <summary>The sender of the current message, or null.</summary>
    internal IActorRef? CurrentSender => _current.Sender;

    /// <inheritdoc/>
    public ActorSystem System { get; }

    /// <inheritdoc/>
    public IActorRef Self { get; }

    /// <inheritdoc/>
    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    /// <inheritdoc/>
    public IActorRef Parent => _parent?.Self ?? System.DeadLetters;

    /// <inheritdoc/>
    public IClock Clock => System.Clock;

    /// <inheritdoc/>
    public ITimerScheduler Timers => Extras.Timers ??= new TimerScheduler(this);

    /// <inheritdoc/>
    public ILogger Log => Extras.Log ??= System.LoggerFactory.CreateLogger(Props.ActorType.FullName ?? Props.ActorType.Name);

    /// <summary>Builds a new instance from <see cref="Props"/>, with this cell as its context.</summary>
    private Actor NewActor()
    {
        var previous = t_constructing;
        t_constructing = this;
        try
        {
            var actor = Props.Factory();
            return actor.BelongsTo(this)
                ? actor
                : throw new InvalidOperationException($"The Props of {Path} returned an actor that was not created by this call; the factory must build a new instance every time.");
        }
        finally
        {
            t_constructing = previous;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ActorCell({Path})");
}
