using System.Text.Json;
using System.Text.Json.Serialization;

namespace DmaActors.Boards.Workloads;

/// <summary>What to run on a board, and for how long (virtual time). Read from JSON with <see cref="Parse"/>.</summary>
public sealed record Workload
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Virtual run length in milliseconds.</summary>
    public double RunMilliseconds { get; init; } = 20;

    /// <summary>The streams.</summary>
    public IReadOnlyList<WorkloadStream> Streams { get; init; } = [];

    /// <summary>Reads a workload file's JSON; errors name the line and what was wrong.</summary>
    /// <exception cref="FormatException">Not a valid workload.</exception>
    public static Workload Parse(string json, string source = "workload")
    {
        Workload? workload;
        try
        {
            workload = JsonSerializer.Deserialize<Workload>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}:{(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }
        return (workload ?? throw new FormatException($"{source}: empty workload")).Validated(source);
    }

    /// <summary>Checks every stream; throws naming the stream and field.</summary>
    public Workload Validated(string source = "workload")
    {
        if (RunMilliseconds is <= 0 or > 60_000) throw new FormatException($"{source}: runMilliseconds must be in (0, 60000], not {RunMilliseconds}.");
        for (int i = 0; i < Streams.Count; i++)
        {
            var s = Streams[i];
            string at = $"{source}: streams[{i}] ({s.Label})";
            if (s.Bytes <= 0) throw new FormatException($"{at}: bytes must be positive.");
            if (s.QueueDepth is < 1 or > 64) throw new FormatException($"{at}: queueDepth must be 1..64.");
            if (s.Kind != StreamKind.Memcpy && (string.IsNullOrEmpty(s.Consumer) || string.IsNullOrEmpty(s.Channel)))
                throw new FormatException($"{at}: a {s.Kind.ToString().ToLowerInvariant()} stream needs \"consumer\" and \"channel\".");
            if (s.Kind == StreamKind.Cyclic && (s.PeriodBytes <= 0 || s.Bytes % s.PeriodBytes != 0))
                throw new FormatException($"{at}: bytes ({s.Bytes}) must be a whole number of periodBytes ({s.PeriodBytes}).");
        }
        return this;
    }
}
