using DmaActors.Runtime.Cells;
namespace DmaActors.Runtime.Dispatch;

// The kernel's own messages: they travel on a separate queue that overtakes user messages and
// is processed even while the actor is suspended after a failure (as in Akka.NET's ISystemMessage).
// Each is also the node of the lock-free stack it travels on, so sending one allocates once.

/// <summary>Base of the kernel's control messages; <see cref="Next"/> links the mailbox's system stack.</summary>
internal abstract class SystemMessage
{
    /// <summary>The next (older) message on the stack, or the next in FIFO order once drained.</summary>
    public SystemMessage? Next;
}

/// <summary>Build the actor instance and run <c>PreStart</c>.</summary>
internal sealed class Create : SystemMessage;

/// <summary>Stop: children first, then <c>PostStop</c>, then tell watchers and the parent.</summary>
internal sealed class Terminate : SystemMessage;

/// <summary>Stop handling user messages (the parent failed, or the actor is waiting for a decision).</summary>
internal sealed class Suspend : SystemMessage;

/// <summary>Undo one <see cref="Suspend"/>; with a cause, the supervisor's <c>Resume</c> directive.</summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

/// <summary>The supervisor's <c>Restart</c> directive.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>To a parent: a child failed and waits, suspended, for a directive.</summary>
internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;
    public Exception Cause { get; } = cause;
}

/// <summary>To the watchee: <see cref="Watcher"/> wants a notification when it stops.</summary>
internal sealed class Watch(ActorCell watcher) : SystemMessage
{
    public ActorCell Watcher { get; } = watcher;
}

/// <summary>To the watchee: <see cref="Watcher"/> no longer wants one.</summary>
internal sealed class Unwatch(ActorCell watcher) : SystemMessage
{
    public ActorCell Watcher { get; } = watcher;
}

/// <summary>To a watcher: <see cref="Actor"/> has stopped.</summary>
internal sealed class DeathWatchNotification(ActorCell actor) : SystemMessage
{
    public ActorCell Actor { get; } = actor;
}

/// <summary>To a parent: <see cref="Child"/> has stopped.</summary>
internal sealed class ChildTerminated(ActorCell child) : SystemMessage
{
    public ActorCell Child { get; } = child;
}

/// <summary>The sentinel that marks a closed system stack: later system messages are handled as dead.</summary>
internal sealed class MailboxClosed : SystemMessage
{
    public static readonly MailboxClosed Instance = new();
}
