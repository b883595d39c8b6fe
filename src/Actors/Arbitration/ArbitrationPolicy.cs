namespace DmaActors.Actors.Arbitration;

/// <summary>
/// Decides which requesting physical channel moves the next burst. The arbiter calls
/// <see cref="Pick"/> at every burst boundary (so every policy re-arbitrates per burst, as PL080
/// and PL330 do), then <see cref="OnGranted(BusRequestView)"/> with the winner. Policies hold their own state
/// (rotation pointer, credits) and run only on the arbiter's thread.
/// </summary>
public abstract class ArbitrationPolicy
{
    /// <summary>A short name for reports (<c>round-robin</c>, <c>fixed-priority</c>, ...).</summary>
    public abstract string Name { get; }

    /// <summary>Extra bus cycles each grant costs (PL330's manager thread interleaves with channel threads).</summary>
    public virtual int OverheadCyclesPerGrant => 0;

    /// <summary>Picks the index into <paramref name="requests"/> of the request to grant; there is at least one.</summary>
    public abstract int Pick(IReadOnlyList<BusRequestView> requests);

    /// <summary>Told after every grant.</summary>
    public virtual void OnGranted(BusRequestView granted)
    {
    }

    /// <summary>
    /// Told after <paramref name="times"/> grants in a row of the same request, each the only one
    /// pending (a coalesced train); the state must end as after that many <see cref="OnGranted(BusRequestView)"/>.
    /// </summary>
    public virtual void OnGranted(BusRequestView granted, int times)
    {
        for (int i = 0; i < times; i++) OnGranted(granted);
    }

    /// <summary>
    /// Whether <paramref name="winner"/>, just picked from <paramref name="requests"/>, would be
    /// picked again at every later burst boundary if it asked again at once and nobody else's
    /// request changed: then its back-to-back bursts may go as one train though others are waiting
    /// (fast-forward under contention, issue 15). Only policies proven to give the same grants
    /// say yes; by default no.
    /// </summary>
    internal virtual bool KeepsWinning(BusRequestView winner, IReadOnlyList<BusRequestView> requests) => false;

    /// <summary>Round-robin over the requesting channels, in channel order after the last one granted.</summary>
    public static ArbitrationPolicy RoundRobin() => new RoundRobinPolicy();

    /// <summary>Strict priority: the lowest value in <paramref name="priorities"/> (by channel) wins; channel index breaks ties. Null: channel 0 highest.</summary>
    public static ArbitrationPolicy FixedPriority(IReadOnlyList<int>? priorities = null) => new FixedPriorityPolicy(priorities, "fixed-priority");

    /// <summary>Weighted fair sharing: saturating channels get bus bytes in proportion to <paramref name="weights"/> (by channel).</summary>
    public static ArbitrationPolicy WeightedRoundRobin(IReadOnlyList<int> weights) => new WeightedFairPolicy(weights);

    /// <summary>ARM PL330: round-robin over runnable channel threads, with the manager thread taking a cycle between grants.</summary>
    public static ArbitrationPolicy Pl330() => new RoundRobinPolicy("pl330", overheadCycles: 1);

    /// <summary>ARM PL080: fixed priority, channel 0 highest, re-arbitrated at burst boundaries.</summary>
    public static ArbitrationPolicy Pl080() => new FixedPriorityPolicy(null, "pl080");

    /// <summary>
    /// TI EDMA3: each channel is serviced on an event queue (<paramref name="queueOfChannel"/>);
    /// each queue is strict FIFO; among queue heads the queue with the lowest
    /// <paramref name="queuePriority"/> wins (TC priority, 0 highest; queue index breaks ties).
    /// </summary>
    public static ArbitrationPolicy Edma3(IReadOnlyList<int> queueOfChannel, IReadOnlyList<int> queuePriority) => new EventQueuePolicy(queueOfChannel, queuePriority);
}
