using System.Text.Json;
using System.Text.Json.Serialization;
using DmaActors.Boards.Workloads;

namespace DmaActors.Cli.Sweeps;

/// <summary>A study point as a cluster worker sends it back: JSON with every figure exact (shortest round-trip doubles), read back into the same record.</summary>
internal static class PointJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IgnoreReadOnlyProperties = true,
    };

    public static string Write(ArbitrationPoint point) => JsonSerializer.Serialize(point, Options);

    /// <exception cref="FormatException">Not a point (a worker of another version?).</exception>
    public static ArbitrationPoint Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ArbitrationPoint>(json, Options) ?? throw new FormatException("a worker sent null for a study point.");
        }
        catch (JsonException bad)
        {
            throw new FormatException($"a worker sent a study point that does not read back: {bad.Message}", bad);
        }
    }
}
