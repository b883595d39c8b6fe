namespace DmaActors.Actors.Arbitration;

/// <summary>
/// TI EDMA3 (SPRUH73, "EDMA3 Prioritization"): a channel's events go to its event queue; each
/// queue is strict FIFO; among the queue heads, the queue with the highest priority (lowest
/// value, from <c>ti,tptcs</c>) is served first, the lower queue number breaking ties.
/// </summary>
/// <remarks>
/// Deviation: on the silicon each queue feeds its own transfer controller, and TCs move data in
/// parallel, contending only at the system bus; here all queues share one bus, so queue priority
/// decides every burst.
/// </remarks>
internal sealed class EventQueuePolicy : ArbitrationPolicy
{
    private int[] _queueOfChannel;
    private readonly int[] _queuePriority;

    public EventQueuePolicy(IReadOnlyList<int> queueOfChannel, IReadOnlyList<int> queuePriority)
    {
        ArgumentNullException.ThrowIfNull(queueOfChannel);
        ArgumentNullException.ThrowIfNull(queuePriority);
        _queueOfChannel = [.. queueOfChannel];
        _queuePriority = [.. queuePriority];
        foreach (int queue in _queueOfChannel)
        {
            if (queue < 0 || queue >= _queuePriority.Length)
                throw new ArgumentException($"Event queue {queue} has no priority (there are {_queuePriority.Length} queues).", nameof(queueOfChannel));
        }
    }

    public override string Name => "edma3-event-queues";

    /// <summary>How many event queues there are.</summary>
    internal int QueueCount => _queuePriority.Length;

    /// <summary>Services <paramref name="channel"/>'s events on <paramref name="queue"/> from now on (the DT's second EDMA cell); false if there is no such queue.</summary>
    internal bool TrySetQueue(int channel, int queue)
    {
        if (queue < 0 || queue >= _queuePriority.Length || channel < 0) return false;
        if (channel >= _queueOfChannel.Length) Array.Resize(ref _queueOfChannel, channel + 1);
        _queueOfChannel[channel] = queue;
        return true;
    }

    public override int Pick(IReadOnlyList<BusRequestView> requests)
    {
        int best = 0;
        for (int i = 1; i < requests.Count; i++)
        {
            if (Before(requests[i], requests[best])) best = i;
        }
        return best;
    }

    /// <summary>
    /// Its request, asked again, comes last in its own queue (FIFO by arrival), so it keeps winning
    /// only while no other request waits in that queue; against other queues' heads, queue
    /// priority alone decides, and it did once.
    /// </summary>
    internal override bool KeepsWinning(BusRequestView winner, IReadOnlyList<BusRequestView> requests)
    {
        int queue = Queue(winner.Channel);
        for (int i = 0; i < requests.Count; i++)
        {
            if (requests[i].Channel != winner.Channel && Queue(requests[i].Channel) == queue) return false;
        }
        return true;
    }

    private bool Before(BusRequestView a, BusRequestView b)
    {
        int qa = Queue(a.Channel), qb = Queue(b.Channel);
        if (qa != qb) return _queuePriority[qa] != _queuePriority[qb] ? _queuePriority[qa] < _queuePriority[qb] : qa < qb;
        // The same queue: strict FIFO by arrival.
        return a.Arrival < b.Arrival;
    }

    private int Queue(int channel) => channel < _queueOfChannel.Length ? _queueOfChannel[channel] : 0;
}
