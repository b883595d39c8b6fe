using DmaActors.Runtime.Cells;
using DmaActors.Runtime.Events;
using DmaActors.Runtime.Supervision;

namespace DmaActors.Runtime;

/// <summary>
/// Base of every actor. Register typed handlers in the constructor with <see cref="Receive{T}(Action{T})"/>;
/// the first handler whose type (and predicate) matches a message handles it, as in Akka.NET's
/// <c>ReceiveActor</c>. One message at a time: nothing else ever touches the actor's state.
/// </summary>
/// <remarks>
/// Lifecycle: constructor → <see cref="PreStart"/> → messages → <see cref="PostStop"/>. On restart the
/// old instance gets <see cref="PreRestart"/> (by default: stop children, then <see cref="PostStop"/>),
/// a new instance is built from the same <see cref="Props"/> and gets <see cref="PostRestart"/>
/// (by default: <see cref="PreStart"/>). The mailbox survives a restart; the failing message does not.
/// </remarks>
public abstract class Actor
{
    private readonly ActorCell _cell;
    private Handler[] _handlers = [];
    private int _handlerCount;

    /// <summary>Handlers to register when the first message arrives (<see cref="ReceiveLazily"/>).</summary>
    private Action? _lazyHandlers;

    /// <summary>Binds the new instance to the cell that is creating it.</summary>
    protected Actor()
    {
        _cell = ActorCell.Constructing
            ?? throw new InvalidOperationException(
                $"{GetType().Name} was created with 'new'. Actors are created by the system: use system.ActorOf(Props.Create<{GetType().Name}>()) or Context.Spawn(...).");
    }

    /// <summary>What this actor sees of the system; valid only on its own thread.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>Who sent the current message.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>How this actor supervises its children, unless its <see cref="Props"/> say otherwise; null means the default.</summary>
    protected virtual SupervisorStrategy? SupervisorStrategy => null;

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler) => Add(new Handler<T>(null, handler));

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="predicate"/> holds.</summary>
    protected void Receive<T>(Func<T, bool> predicate, Action<T> handler) => Add(new Handler<T>(predicate, handler));

    /// <summary>Handles any message no earlier handler took.</summary>
    protected void ReceiveAny(Action<object> handler) => Add(new Handler<object>(null, handler));

    /// <summary>
    /// Registers the handlers <paramref name="registerHandlers"/> registers when the first message
    /// arrives instead of now (after any registered directly). An actor that may stay idle for
    /// long, one of a million virtual channels, keeps one delegate until it is used instead of a
    /// handler table.
    /// </summary>
    protected void ReceiveLazily(Action registerHandlers)
    {
        ArgumentNullException.ThrowIfNull(registerHandlers);
        _lazyHandlers = registerHandlers;
    }

    /// <summary>
    /// Replaces every handler with the ones <paramref name="registerHandlers"/> registers: the
    /// actor's next behaviour (a state of its state machine), effective from the next message.
    /// </summary>
    protected void Become(Action registerHandlers)
    {
        ArgumentNullException.ThrowIfNull(registerHandlers);
        _handlers = [];
        _handlerCount = 0;
        _lazyHandlers = null;
        registerHandlers();
    }

    /// <summary>Runs after the constructor, before the first message.</summary>
    protected virtual void PreStart() { }

    /// <summary>Runs once the actor has stopped; its children have already stopped.</summary>
    protected virtual void PostStop() { }

    /// <summary>Runs on the failed instance before a restart. By default stops every child, then calls <see cref="PostStop"/>.</summary>
    /// <param name="reason">What the actor threw.</param>
    /// <param name="message">The message it was handling, if any; it will not be delivered again (re-send it here to retry).</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }
        PostStop();
    }

    /// <summary>Runs on the new instance after a restart. By default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// Called for a message no handler took. An unhandled <see cref="Terminated"/> fails the actor
    /// with <see cref="DeathPactException"/> (it watched something and did not say what to do when it
    /// stopped); anything else is published as <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is Terminated terminated)
        {
            throw new DeathPactException($"{Self.Path} watched {terminated.Actor.Path} but has no handler for Terminated.");
        }
        _cell.System.PublishUnhandled(new UnhandledMessage(message, _cell.CurrentSender, Self));
    }

    // The kernel calls the hooks through these, so the hooks themselves stay protected: a
    // subclass overrides them the same way whether or not it can see the kernel's internals.
    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy? OwnSupervisorStrategy => SupervisorStrategy;

    /// <summary>Whether this instance was built for <paramref name="cell"/> (a Props factory must not reuse instances).</summary>
    internal bool BelongsTo(ActorCell cell) => _cell == cell;

    /// <summary>Offers <paramref name="message"/> to the handlers in registration order.</summary>
    internal void Dispatch(object message)
    {
        if (_lazyHandlers is { } register)
        {
            _lazyHandlers = null;
            register();
        }
        var handlers = _handlers;
        int count = _handlerCount;
        for (int i = 0; i < count; i++)
        {
            if (handlers[i].TryHandle(message)) return;
        }
        Unhandled(message);
    }

    private void Add(Handler handler)
    {
        if (_handlerCount == _handlers.Length) Array.Resize(ref _handlers, Math.Max(2, _handlers.Length * 2));
        _handlers[_handlerCount++] = handler;
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class Handler<T>(Func<T, bool>? predicate, Action<T> action) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is not T typed || (predicate is not null && !predicate(typed))) return false;
            action(typed);
            return true;
        }
    }
}
