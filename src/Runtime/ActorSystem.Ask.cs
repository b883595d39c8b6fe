using DmaActors.Runtime.Cells;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime;

// Ask: a temporary ref completes a task with the first reply. The blocking form works on both
// dispatchers: on the deterministic one (and on the virtual clock) the waiting thread drives the
// system until the reply comes; an actor blocking inside a handler is never re-entered, because
// it stays marked scheduled while it waits.
public sealed partial class ActorSystem
{
    internal PromiseActorRef<T> StartAsk<T>(IActorRef target, object message, Duration? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var promise = new PromiseActorRef<T>(this, target, message);
        promise.Arm(timeout ?? Settings.AskTimeout, cancellationToken);
        target.Tell(message, promise);
        return promise;
    }

    internal T AskBlocking<T>(IActorRef target, object message, Duration? timeout, CancellationToken cancellationToken)
    {
        var current = ActorCell.Running;
        var targetCell = (target as LocalActorRef)?.Cell;
        if (current is not null && targetCell == current)
        {
            throw new ActorDeadlockException(
                $"{current.Path} blocks on an ask to itself: its mailbox cannot run while it waits, so the reply can never come. Tell the message and handle the reply as a message instead.");
        }
        var promise = StartAsk<T>(target, message, timeout, cancellationToken);
        if (!promise.Task.IsCompleted)
        {
            if (_deterministic is not null || Clock.IsVirtual) DriveUntilReplied(promise, current, target, message);
            else WaitForReply(promise.Task, current, targetCell);
        }
        return promise.Task.GetAwaiter().GetResult();
    }

    private void DriveUntilReplied<T>(PromiseActorRef<T> promise, ActorCell? current, IActorRef target, object message)
    {
        // An actor blocked here is not working: stop counting its message, and let messages that
        // queue up behind it count as stuck rather than runnable, or quiescence could never be
        // reached and virtual time (and the ask's own time-out) could never move.
        bool releases = current is not null && _countsInFlight;
        if (releases)
        {
            EnterBlocked(current!, promise.Task);
            EndWork();
        }
        try
        {
            var task = promise.Task;
            var outcome = RunOutcome.TimedOut;
            while (!task.IsCompleted && outcome != RunOutcome.Idle) outcome = Drive(() => task.IsCompleted, Duration.Infinite, promise.TimeoutTimer);
            if (outcome == RunOutcome.Idle)
            {
                string waiter = current is null ? "" : $" ({current.Path} is blocked waiting for it)";
                promise.Fail(new ActorDeadlockException(
                    $"Ask<{typeof(T).Name}> of {target.Path} with {message.GetType().Name}: no actor has work and no timer is pending, so the reply can never come{waiter}."));
            }
        }
        finally
        {
            if (releases)
            {
                BeginWork();
                ExitBlocked(current!);
            }
        }
    }

    private static void WaitForReply(Task task, ActorCell? current, ActorCell? target)
    {
        if (current is not null && target is not null) current.BlockOn(target);
        try
        {
            ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        }
        finally
        {
            current?.Unblock();
        }
    }
}
