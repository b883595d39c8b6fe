using DmaActors.Runtime.Dispatch;
namespace DmaActors.Runtime.Cells;

// Death watch. Exactly once per watch: the watcher keeps the set of actors it watches, and a
// DeathWatchNotification turns into a Terminated message only if it removes an entry; an
// unwatch removes the entry (and any Terminated already queued). Watching an actor that has
// already stopped works because its closed mailbox answers a Watch at once.
internal sealed partial class ActorCell
{



    /// <inheritdoc/>
    public IActorRef Watch(IActorRef actor)
    {
        var target = ActorSystem.CellOf(actor, nameof(actor));
        if (target != this && (Extras.Watching ??= []).Add(target)) target.SendSystem(new Watch(this));
        return actor;
    }

    /// <inheritdoc/>
    public IActorRef Unwatch(IActorRef actor)
    {
        var target = ActorSystem.CellOf(actor, nameof(actor));
        if (_extras?.Watching?.Remove(target) == true) target.SendSystem(new Unwatch(this));
        _extras?.TerminatedQueued?.Remove(target);
        return actor;
    }

    private void OnWatchedBy(ActorCell watcher)
    {
        if (watcher != this) (Extras.WatchedBy ??= []).Add(watcher);
    }

    private void OnWatcheeTerminated(ActorCell actor)
    {
        if (_extras?.Watching?.Remove(actor) != true) return;
        (Extras.TerminatedQueued ??= []).Add(actor);
        // A normal message, behind whatever the dead actor sent before it stopped.
        Post(new DeliverTerminated(actor), actor.Self);
    }

    private void NotifyWatchersAndUnwatchAll()
    {
        if (_extras is not { } extras) return;
        if (extras.WatchedBy is not null)
        {
            foreach (var watcher in extras.WatchedBy) watcher.SendSystem(new DeathWatchNotification(this));
            extras.WatchedBy = null;
        }
        if (extras.Watching is not null)
        {
            foreach (var watchee in extras.Watching) watchee.SendSystem(new Unwatch(this));
            extras.Watching = null;
        }
        extras.TerminatedQueued = null;
    }
}
