using DmaActors.Actors.Arbitration;
using DmaActors.Api;
using DmaActors.DeviceTree;

namespace DmaActors.Boards;

/// <summary>
/// Arbitration policies by name, for the simulator's own DT properties
/// <c>dmactors,arbitration = "…"</c> (and <c>dmactors,weights = &lt;…&gt;</c>, per physical channel),
/// which override a preset's policy so the same board can be studied under each.
/// </summary>
public static class ArbitrationPolicies
{
    /// <summary>The names understood.</summary>
    public static IReadOnlyList<string> Names { get; } = ["round-robin", "fixed-priority", "weighted-round-robin", "pl330", "pl080"];

    /// <summary>A factory for the policy called <paramref name="name"/>.</summary>
    /// <exception cref="DmaException">EINVAL: an unknown name, naming the node and the names known.</exception>
    /// <exception cref="DtsSyntaxException">A weight or physical-channel count out of its range (read now, before any actor starts).</exception>
    public static Func<ArbitrationPolicy> Named(string name, DtNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return name switch
        {
            "round-robin" => ArbitrationPolicy.RoundRobin,
            "fixed-priority" => () => ArbitrationPolicy.FixedPriority(),
            "weighted-round-robin" => WeightedRoundRobin(Weights(node)),
            "pl330" => ArbitrationPolicy.Pl330,
            "pl080" => ArbitrationPolicy.Pl080,
            _ => throw new DmaException("EINVAL", "P-1", $"{node.Path}: dmactors,arbitration = \"{name}\" is not a policy this simulator knows ({string.Join(", ", Names)})."),
        };
    }

    private static Func<ArbitrationPolicy> WeightedRoundRobin(int[] weights) => () => ArbitrationPolicy.WeightedRoundRobin(weights);

    /// <summary>The largest weight: a channel granted more bursts in a row than this starves the others past any use.</summary>
    private const uint MaxWeight = 1024;

    /// <summary><c>dmactors,weights</c>, or 1, 2, 3, 4, 1, 2, … by physical channel.</summary>
    /// <exception cref="DtsSyntaxException">A weight of 0 or past <see cref="MaxWeight"/>, located.</exception>
    private static int[] Weights(DtNode node)
    {
        var weights = node.Property("dmactors,weights");
        var cells = weights?.Cells();
        int channels = (int)(BoardLoader.PhysicalChannelsOf(node) ?? 32);
        foreach (uint weight in cells ?? [])
        {
            if (weight is 0 or > MaxWeight)
                throw new DtsSyntaxException(weights!.Location, $"{node.Path}: dmactors,weights has <{weight}>: each weight must be 1 to {MaxWeight} (bursts granted in a row to its physical channel under weighted-round-robin)");
        }
        return cells is { Length: > 0 } ? [.. cells.Select(c => (int)c)] : [.. Enumerable.Range(0, Math.Max(channels, 32)).Select(i => 1 + (i % 4))];
    }
}
