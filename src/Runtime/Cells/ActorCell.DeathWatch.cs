using DmaActors.Runtime.Dispatch;
namespace DmaActors.Runtime.Cells;

// Death watch. Exactly once per watch: the watcher keeps the set of actors it watches, and a
// DeathWatchNotification turns into a Terminated message only if it removes an entry; an
// unwatch removes the entry (and any Terminated already queued). Watching an actor that has
// already stopped works because its closed mailbox answers a Watch at once.
internal sealed partial class ActorCell
{
    /// <summary>Actors this one watches (owner thread).</summary>
    private HashSet<ActorCell>? _watching;

    /// <summary>Watched actors whose Terminated is queued but not yet delivered (owner thread).</summary>
    private HashSet<ActorCell>? _terminatedQueued;

    /// <summary>Actors watching this one (owner thread).</summary>
    private HashSet<ActorCell>? _watchedBy;

    /// <inheritdoc/>
    public IActorRef Watch(IActorRef actor)
    {
        var target = ActorSystem.CellOf(actor, nameof(actor));
        if (target != this && (_watching ??= []).Add(target)) target.SendSystem(new Watch(this));
        return actor;
    }

    /// <inheritdoc/>
    public IActorRef Unwatch(IActorRef actor)
    {
        var target = ActorSystem.CellOf(actor, nameof(actor));
        if (_watching?.Remove(target) == true) target.SendSystem(new Unwatch(this));
        _terminatedQueued?.Remove(target);
        return actor;
    }

    private void OnWatchedBy(ActorCell watcher)
    {
        if (watcher != this) (_watchedBy ??= []).Add(watcher);
    }

    private void OnWatcheeTerminated(ActorCell actor)
    {
        if (_watching?.Remove(actor) != true) return;
        (_terminatedQueued ??= []).Add(actor);
        // A normal message, behind whatever the dead actor sent before it stopped.
        Post(new DeliverTerminated(actor), actor.Self);
    }

    private void NotifyWatchersAndUnwatchAll()
    {
        if (_watchedBy is not null)
        {
            foreach (var watcher in _watchedBy) watcher.SendSystem(new DeathWatchNotification(this));
            _watchedBy = null;
        }
        if (_watching is not null)
        {
            foreach (var watchee in _watching) watchee.SendSystem(new Unwatch(this));
            _watching = null;
        }
        _terminatedQueued = null;
    }
}
