using DmaActors.Actors.Bus;

namespace DmaActors.Actors.Arbitration;

/// <summary>How a controller's arbiter behaves.</summary>
/// <param name="Bus">The bus it owns.</param>
/// <param name="Policy">Who gets the next burst.</param>
/// <param name="Multiplexing">How virtual channels share physical ones.</param>
/// <param name="QuantumBursts">
/// With <see cref="ChannelMultiplexing.Pooled"/>: after this many bursts, a physical channel is
/// taken back mid-descriptor when another virtual channel waits (0: only at descriptor boundaries).
/// </param>
/// <param name="CoalesceBursts">Whether an uncontended channel's back-to-back bursts may be granted as one <see cref="Bus.BurstTrain"/>.</param>
public sealed record ArbiterSettings(BusTiming Bus, ArbitrationPolicy Policy, ChannelMultiplexing Multiplexing = ChannelMultiplexing.Pooled, int QuantumBursts = 0, bool CoalesceBursts = true)
{
    /// <summary>
    /// With <see cref="CoalesceBursts"/>: whether a train may also run while other channels wait
    /// for the bus, when the policy proves its winner would win every burst of it anyway
    /// (fast-forward under contention; fixed priority, PL080, EDMA3 with the winner alone in its queue).
    /// </summary>
    public bool FastForward { get; init; } = true;

    /// <summary>Test only (<see cref="Controller.ControllerConfig.WithoutStaleRequestChecks"/>): forward requests raised before an unacknowledged flush.</summary>
    internal bool WithoutStaleRequestChecks { get; init; }
}
