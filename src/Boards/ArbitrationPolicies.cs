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
    public static Func<ArbitrationPolicy> Named(string name, DtNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return name switch
        {
            "round-robin" => ArbitrationPolicy.RoundRobin,
            "fixed-priority" => () => ArbitrationPolicy.FixedPriority(),
            "weighted-round-robin" => () => ArbitrationPolicy.WeightedRoundRobin(Weights(node)),
            "pl330" => ArbitrationPolicy.Pl330,
            "pl080" => ArbitrationPolicy.Pl080,
            _ => throw new DmaException("EINVAL", "P-1", $"{node.Path}: dmactors,arbitration = \"{name}\" is not a policy this simulator knows ({string.Join(", ", Names)})."),
        };
    }

    /// <summary><c>dmactors,weights</c>, or 1, 2, 3, 4, 1, 2, … by physical channel.</summary>
    private static int[] Weights(DtNode node)
    {
        var cells = node.Property("dmactors,weights")?.Cells();
        int channels = (int)(node.Property("dmactors,physical-channels")?.Cell() ?? 32);
        return cells is { Length: > 0 } ? [.. cells.Select(c => (int)c)] : [.. Enumerable.Range(0, Math.Max(channels, 32)).Select(i => 1 + (i % 4))];
    }
}
