using Akka.Actor;

namespace DmaActors.Actors.Arbitration;

/// <summary>
/// The controller's FIFO of virtual channels that have issued work and wait for a physical
/// channel (kernel twin: sa11x0's <c>chan_pending</c> under <c>d-&gt;lock</c>, V-17, H-11).
/// Shared by the arbiter and the channels' ports: <c>issue_pending</c> appends its channel here on
/// the caller's thread before it returns, so the arbiter serves channels in the order callers
/// issued them, whatever order the channels' actors run in.
/// </summary>
/// <remarks>
/// Writers: ports (append, at issue), the arbiter (append on a request or a release with more work,
/// remove on a cancel, take when it assigns). An entry whose channel holds a physical channel when
/// the arbiter looks stays where it is (it issued more while running): it is served in its turn
/// after that channel lets go, and a channel with nothing left to do hands it straight back.
/// Every append that adds an entry tells the arbiter (<see cref="ChannelsPending"/>).
/// </remarks>
public sealed class PendingChannels
{
    private readonly Lock _gate = new();
    private readonly LinkedList<IActorRef> _order = new();
    private readonly Dictionary<IActorRef, LinkedListNode<IActorRef>> _nodes = [];
    private IActorRef _arbiter = ActorRefs.Nobody;

    /// <summary>How many channels wait.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _order.Count;
        }
    }

    /// <summary>The arbiter to tell when a channel joins (set once, when the arbiter starts).</summary>
    internal void AttachArbiter(IActorRef arbiter) => _arbiter = arbiter;

    /// <summary>Appends <paramref name="virtualChannel"/> unless it already waits; tells the arbiter when it joined (unless the arbiter itself appends).</summary>
    /// <returns>Whether it joined.</returns>
    internal bool Append(IActorRef virtualChannel, bool tellArbiter = true)
    {
        lock (_gate)
        {
            if (_nodes.ContainsKey(virtualChannel)) return false;
            _nodes.Add(virtualChannel, _order.AddLast(virtualChannel));
            if (tellArbiter) _arbiter.Tell(ChannelsPending.Instance, ActorRefs.NoSender);
            return true;
        }
    }

    /// <summary>Takes <paramref name="virtualChannel"/> out of the queue (paused or terminated while waiting: V-19).</summary>
    internal void Remove(IActorRef virtualChannel)
    {
        lock (_gate)
        {
            if (_nodes.Remove(virtualChannel, out var node)) _order.Remove(node);
        }
    }

    /// <summary>Takes the first waiting channel for which <paramref name="canTake"/> holds, or returns null.</summary>
    internal IActorRef? TakeFirst(Func<IActorRef, bool> canTake)
    {
        lock (_gate)
        {
            for (var node = _order.First; node is not null; node = node.Next)
            {
                if (!canTake(node.Value)) continue;
                _order.Remove(node);
                _nodes.Remove(node.Value);
                return node.Value;
            }
            return null;
        }
    }

    /// <summary>Whether some waiting channel satisfies <paramref name="predicate"/>.</summary>
    internal bool Any(Func<IActorRef, bool> predicate)
    {
        lock (_gate)
        {
            foreach (var channel in _order)
            {
                if (predicate(channel)) return true;
            }
            return false;
        }
    }
}
