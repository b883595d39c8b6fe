using DmaActors.Actors.Arbitration;

namespace DmaActors.Api.Provider;

/// <summary>
/// The bus arbitration policies a controller description can name (<see cref="DmaDeviceDescription.Policy"/>),
/// so a controller driver picks one without the hardware model's types. Each returns the factory
/// the description takes (one policy per registered controller). No kernel twin: it is the
/// silicon's arbiter, which a driver configures but the kernel does not model.
/// </summary>
public static class DmaArbitration
{
    /// <summary>Round-robin over the requesting channels (the default).</summary>
    public static Func<ArbitrationPolicy> RoundRobin { get; } = ArbitrationPolicy.RoundRobin;

    /// <summary>ARM PL330: round-robin over channel threads, the manager thread taking a cycle between grants.</summary>
    public static Func<ArbitrationPolicy> Pl330 { get; } = ArbitrationPolicy.Pl330;

    /// <summary>ARM PL080: fixed priority, channel 0 highest.</summary>
    public static Func<ArbitrationPolicy> Pl080 { get; } = ArbitrationPolicy.Pl080;

    /// <summary>Strict priority by physical channel: the lowest value wins; none given: channel 0 highest.</summary>
    /// <param name="priorities">A priority per physical channel.</param>
    public static Func<ArbitrationPolicy> FixedPriority(params int[] priorities)
    {
        int[] copy = [.. priorities];
        return () => ArbitrationPolicy.FixedPriority(copy.Length == 0 ? null : copy);
    }

    /// <summary>Weighted fair sharing: saturating physical channels get bus bytes in proportion to <paramref name="weights"/>.</summary>
    /// <param name="weights">A weight per physical channel.</param>
    public static Func<ArbitrationPolicy> WeightedRoundRobin(params int[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int[] copy = [.. weights];
        return () => ArbitrationPolicy.WeightedRoundRobin(copy);
    }
}
