namespace DmaActors.Actors.Arbitration;

/// <summary>
/// Weighted round-robin by bytes, as start-time fair queueing: each channel has a virtual finish
/// time that advances by <c>bytes / weight</c> per grant; the requester with the earliest one wins.
/// Saturating channels therefore share bus bytes in proportion to their weights whatever their
/// burst sizes, and a channel that was idle cannot hoard credit (it restarts at the current
/// virtual time).
/// </summary>
internal sealed class WeightedFairPolicy : ArbitrationPolicy
{
    private readonly int[] _weights;
    private readonly double[] _finish;
    private double _now;

    public WeightedFairPolicy(IReadOnlyList<int> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || weights.Any(w => w <= 0))
            throw new ArgumentException("Weighted round-robin needs a positive weight for every channel.", nameof(weights));
        _weights = [.. weights];
        _finish = new double[_weights.Length];
    }

    public override string Name => "weighted-round-robin";

    public override int Pick(IReadOnlyList<BusRequestView> requests)
    {
        int best = 0;
        double bestStart = double.MaxValue;
        for (int i = 0; i < requests.Count; i++)
        {
            double start = Math.Max(_finish[Index(requests[i].Channel)], _now);
            if (start < bestStart || (start == bestStart && requests[i].Channel < requests[best].Channel))
            {
                bestStart = start;
                best = i;
            }
        }
        return best;
    }

    public override void OnGranted(BusRequestView granted)
    {
        int channel = Index(granted.Channel);
        double start = Math.Max(_finish[channel], _now);
        _now = start;
        _finish[channel] = start + (double)granted.Bytes / _weights[channel];
    }

    private int Index(int channel) =>
        channel < _weights.Length ? channel : throw new InvalidOperationException($"Channel {channel} has no weight (weights cover {_weights.Length} channels).");
}
