using System.Globalization;
using DmaActors.Runtime.Dispatch;

namespace DmaActors.Runtime.Cells;

// Children: a name table shared with other threads (ActorSystem.ActorOf spawns into the user
// guardian from anywhere), hence the lock; a child's name stays reserved until it has stopped.
internal sealed partial class ActorCell
{
    private static long s_anonymous;

    /// <summary>Live children by name. Guarded by locking the dictionary itself; created on first spawn.</summary>
    private Dictionary<string, ActorCell>? _children;


    /// <inheritdoc/>
    public IReadOnlyList<IActorRef> Children => [.. ChildCells().Select(c => c.Self)];

    /// <inheritdoc/>
    public IActorRef Spawn(Props props, string? name = null) => SpawnChild(props, name, System.DispatcherFor(props)).Self;

    /// <inheritdoc/>
    public IActorRef? Child(string name)
    {
        var children = Volatile.Read(ref _children);
        if (children is null) return null;
        lock (children) return children.TryGetValue(name, out var child) ? child.Self : null;
    }

    /// <inheritdoc/>
    public void Stop(IActorRef actor)
    {
        var cell = ActorSystem.CellOf(actor, nameof(actor));
        if (IsChild(cell)) (Extras.StoppingChildren ??= []).Add(cell);
        cell.SendSystem(new Terminate());
    }

    /// <summary>Creates a child and queues its Create; the instance is built on the child's own thread.</summary>
    internal ActorCell SpawnChild(Props props, string? name, Dispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null) name = "$" + Interlocked.Increment(ref s_anonymous).ToString("x", CultureInfo.InvariantCulture);
        else ValidateName(name);
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            Interlocked.CompareExchange(ref _children, new Dictionary<string, ActorCell>(StringComparer.Ordinal), null);
            children = _children!;
        }
        var child = new ActorCell(System, this, name, props, dispatcher);
        lock (children)
        {
            if (IsClosed || _terminating)
                throw new InvalidOperationException($"Cannot spawn '{name}' under {Path}: it is stopping.");
            if (!children.TryAdd(name, child))
                throw new InvalidActorNameException($"An actor named '{name}' already exists under {Path}; names stay taken until the actor has stopped.");
        }
        child.SendSystem(new Create());
        return child;
    }

    /// <summary>A snapshot of the live children (a shared empty array for a childless actor: no allocation).</summary>
    internal IReadOnlyList<ActorCell> ChildCells()
    {
        var children = Volatile.Read(ref _children);
        if (children is null) return Array.Empty<ActorCell>();
        lock (children) return children.Count == 0 ? Array.Empty<ActorCell>() : [.. children.Values];
    }

    private bool IsChild(ActorCell cell)
    {
        var children = Volatile.Read(ref _children);
        if (children is null || cell._parent != this) return false;
        lock (children) return children.TryGetValue(cell.Name, out var found) && found == cell;
    }

    private void OnChildTerminated(ActorCell child)
    {
        var children = Volatile.Read(ref _children);
        int left = 0;
        if (children is not null)
        {
            // Count under the lock: a snapshot per stopping child made stopping n children O(n²).
            lock (children)
            {
                children.Remove(child.Name);
                left = children.Count;
            }
        }
        _extras?.StoppingChildren?.Remove(child);
        _extras?.RestartBudgets?.Remove(child);
        if (_terminating)
        {
            if (left == 0) FinishTerminate();
        }
        else if (_extras?.PendingRecreate is { } cause && _extras.StoppingChildren is not { Count: > 0 })
        {
            FinishRecreate(cause);
        }
        System.OnChildTerminated(this, child);
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
            throw new InvalidActorNameException($"Actor name '{name}' is invalid: it must be non-empty, without '/' or white space.");
    }
}
