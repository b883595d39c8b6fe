namespace DmaActors.Actors.Arbitration;

/// <summary>
/// Strict priority. A saturating high-priority channel starves every lower one, as on real
/// hardware (PL080): that is the policy's promise, not a bug.
/// </summary>
internal sealed class FixedPriorityPolicy(IReadOnlyList<int>? priorities, string name) : ArbitrationPolicy
{
    public override string Name => name;

    public override int Pick(IReadOnlyList<BusRequestView> requests)
    {
        int best = 0;
        for (int i = 1; i < requests.Count; i++)
        {
            var (candidate, current) = (Rank(requests[i].Channel), Rank(requests[best].Channel));
            if (candidate < current || (candidate == current && requests[i].Channel < requests[best].Channel)) best = i;
        }
        return best;
    }

    /// <summary>The ranking depends on nothing but the channel: the best requester stays the best while the others stay as they are.</summary>
    internal override bool KeepsWinning(BusRequestView winner, IReadOnlyList<BusRequestView> requests) => true;

    private int Rank(int channel) => priorities is not null && channel < priorities.Count ? priorities[channel] : channel;
}
