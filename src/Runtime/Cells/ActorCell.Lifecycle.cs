using DmaActors.Runtime.Dispatch;
using Microsoft.Extensions.Logging;

namespace DmaActors.Runtime.Cells;

// Lifecycle state machine, driven by system messages on the actor's own thread:
//
//   (new) --Create--> running --handler throws--> failed (suspended, Failed sent to parent)
//   failed --Resume(cause)--> running                       (failing message dropped)
//   failed --Recreate--> PreRestart on old instance; children stopping? wait for ChildTerminated
//         --> new instance, PostRestart --> running         (mailbox kept, failing message dropped)
//   any   --Terminate--> terminating (suspended; children told to stop) --last ChildTerminated-->
//         PostStop, mailbox closed, watchers and parent notified --> terminated
internal sealed partial class ActorCell
{
    /// <summary>Set from a failure until Resume or the end of Recreate; the mailbox holds one suspension for it.</summary>
    private bool _failed;




    /// <summary>Terminate has been received; children are stopping or the cell is closed.</summary>
    private bool _terminating;

    /// <summary>Completed when the cell has fully stopped; created on demand.</summary>
    private TaskCompletionSource? _terminated;

    /// <summary>Completes when the actor has stopped and its watchers have been told.</summary>
    internal Task WhenTerminated
    {
        get
        {
            if (_terminated is null)
            {
                var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (Interlocked.CompareExchange(ref _terminated, created, null) is null && IsClosed) created.TrySetResult();
            }
            return _terminated!.Task;
        }
    }

    private void InvokeSystem(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create: OnCreate(); break;
                case Terminate: OnTerminate(); break;
                case Suspend: OnSuspend(); break;
                case Resume resume: OnResume(resume.CausedByFailure); break;
                case Recreate recreate: OnRecreate(recreate.Cause); break;
                case Failed failed: OnChildFailed(failed.Child, failed.Cause); break;
                case ChildTerminated child: OnChildTerminated(child.Child); break;
                case Watch watch: OnWatchedBy(watch.Watcher); break;
                case Unwatch unwatch: _extras?.WatchedBy?.Remove(unwatch.Watcher); break;
                case DeathWatchNotification death: OnWatcheeTerminated(death.Actor); break;
            }
        }
        catch (Exception fault)
        {
            // A hook (PreStart, PostRestart) or a supervisor's decider threw: a failure like any other.
            HandleInvokeFailure(fault);
        }
    }

    private void OnCreate()
    {
        try
        {
            _actor = NewActor();
            _actor.InvokePreStart();
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(new ActorInitializationException($"{Path}: {Props.ActorType.Name} failed to start: {cause.Message}", cause));
        }
    }

    /// <summary>The parent (or an ancestor) failed: hold user messages until it is resumed.</summary>
    private void OnSuspend()
    {
        SuspendMailbox();
        foreach (var child in ChildCells()) child.SendSystem(new Suspend());
    }

    /// <summary>
    /// Undoes one suspension: an ancestor's (no cause), or this actor's own failure (the Resume
    /// directive, which also lets a child whose escalation caused it resume from its failure).
    /// </summary>
    private void OnResume(Exception? causedByFailure)
    {
        var perpetrator = causedByFailure is null ? null : Extras.Perpetrator;
        if (causedByFailure is not null)
        {
            if (!_failed) return;
            ClearFailure();
        }
        ResumeMailbox();
        foreach (var child in ChildCells()) child.SendSystem(new Resume(child == perpetrator ? causedByFailure : null));
    }

    /// <summary>
    /// The Restart directive. The mailbox is suspended exactly once here: by this actor's own
    /// failure, or by the Suspend an all-for-one supervisor sends a sibling first.
    /// </summary>
    private void OnRecreate(Exception cause)
    {
        if (_terminating) return;
        var failed = _actor;
        _actor = null;
        if (failed is not null)
        {
            try
            {
                failed.InvokePreRestart(cause, Extras.FailedMessage);
            }
            catch (Exception hookFault)
            {
                System.Log.LogError(hookFault, "{Path}: PreRestart threw; restarting anyway", Path);
            }
        }
        _extras?.Timers?.CancelAll();
        UnstashAll();
        if (Extras.StoppingChildren is { Count: > 0 })
        {
            Extras.PendingRecreate = cause;
            return;
        }
        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        Extras.PendingRecreate = null;
        // Children PreRestart kept alive, taken before the new instance starts children of its own.
        var survivors = ChildCells();
        try
        {
            _actor = NewActor();
            _actor.InvokePostRestart(cause);
        }
        catch (Exception fault)
        {
            HandleInvokeFailure(new ActorInitializationException($"{Path}: {Props.ActorType.Name} failed to restart: {fault.Message}", fault));
            return;
        }
        ClearFailure();
        ResumeMailbox();
        // Survivors were suspended with this actor; as in Akka.NET they restart with it.
        foreach (var child in survivors) child.SendSystem(new Recreate(cause));
    }

    private void ClearFailure()
    {
        _failed = false;
        Extras.Perpetrator = null;
        Extras.FailedMessage = null;
    }

    private void OnTerminate()
    {
        if (_terminating) return;
        _terminating = true;
        SuspendMailbox();
        _extras?.Timers?.CancelAll();
        var children = ChildCells();
        foreach (var child in children) child.SendSystem(new Terminate());
        if (children.Count == 0) FinishTerminate();
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        _actor = null;
        if (actor is not null)
        {
            try
            {
                actor.InvokePostStop();
            }
            catch (Exception hookFault)
            {
                System.Log.LogError(hookFault, "{Path}: PostStop threw", Path);
            }
        }
        CloseMailbox();
        NotifyWatchersAndUnwatchAll();
        if (_parent is not null) _parent.SendSystem(new ChildTerminated(this));
        else System.OnRootTerminated();
        _terminated?.TrySetResult();
        System.Progress.Pulse();
    }

    /// <summary>A system message that reached a stopped actor (any thread). A watch is answered at once.</summary>
    private void HandleDeadSystemMessage(SystemMessage message)
    {
        if (message is Watch watch) watch.Watcher.SendSystem(new DeathWatchNotification(this));
    }
}
