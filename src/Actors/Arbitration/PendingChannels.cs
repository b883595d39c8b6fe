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
/// Writers: ports (append, at issue), channels (remove when they stop waiting, rejoin when an issue
/// finds their entry withdrawn), the arbiter (append on a request or a release with more work, take
/// when it assigns). Removal is synchronous, never a message: an asynchronous cancel could land after
/// a later issue found the old entry and did not append, and leave issued work with no entry. An entry whose channel holds a physical channel when
/// the arbiter looks stays where it is (it issued more while running): it is served in its turn
/// after that channel lets go, and a channel with nothing left to do hands it straight back.
/// Every append that adds an entry tells the arbiter (<see cref="ChannelsPending"/>).
/// </remarks>
public sealed class PendingChannels
{
    private readonly Lock _gate = new();
    private readonly LinkedList<IActorRef> _order = new();
    private readonly Dictionary<IActorRef, LinkedListNode<IActorRef>> _nodes = [];
    private readonly Dictionary<IActorRef, int> _granted = [];
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

    /// <summary>
    /// Makes sure <paramref name="virtualChannel"/> waits: appends it unless it is queued already or a
    /// grant taken from its entry is on its way to it. A channel calls this when it handles an issue
    /// whose entry was withdrawn meanwhile (it let its physical channel go after it left the queue),
    /// so issued work never waits without an entry.
    /// </summary>
    /// <returns>Whether it joined.</returns>
    internal bool Rejoin(IActorRef virtualChannel)
    {
        lock (_gate)
        {
            return !_granted.ContainsKey(virtualChannel) && Append(virtualChannel);
        }
    }

    /// <summary>The channel received a grant taken from its entry (<see cref="TakeFirst"/>).</summary>
    internal void Acknowledge(IActorRef virtualChannel)
    {
        lock (_gate)
        {
            if (!_granted.TryGetValue(virtualChannel, out int inFlight)) return;
            if (inFlight > 1) _granted[virtualChannel] = inFlight - 1;
            else _granted.Remove(virtualChannel);
        }
    }

    /// <summary>Forgets <paramref name="virtualChannel"/> entirely (its actor stopped).</summary>
    internal void Forget(IActorRef virtualChannel)
    {
        lock (_gate)
        {
            Remove(virtualChannel);
            _granted.Remove(virtualChannel);
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
                _granted[node.Value] = _granted.GetValueOrDefault(node.Value) + 1;
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
