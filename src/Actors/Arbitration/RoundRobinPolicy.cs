namespace DmaActors.Actors.Arbitration;

/// <summary>Grants the requesting channel that comes first after the last granted one, in channel order.</summary>
internal sealed class RoundRobinPolicy(string name = "round-robin", int overheadCycles = 0) : ArbitrationPolicy
{
    private int _last = -1;

    public override string Name => name;

    public override int OverheadCyclesPerGrant => overheadCycles;

    public override int Pick(IReadOnlyList<BusRequestView> requests)
    {
        int best = 0;
        int bestDistance = int.MaxValue;
        for (int i = 0; i < requests.Count; i++)
        {
            // Distance going forward from the last grant: last+1 is 0, last itself is furthest.
            int distance = requests[i].Channel > _last ? requests[i].Channel - _last : int.MaxValue / 2 + requests[i].Channel;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    public override void OnGranted(BusRequestView granted) => _last = granted.Channel;

    public override void OnGranted(BusRequestView granted, int times) => _last = granted.Channel;
}
