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
        // Kinds by name only: a number such as 99 is no kind, and 0..2 would depend on the enum's order.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The longest a stream's name, consumer, channel or controller may be, in characters.</summary>
    public const int MaxNameLength = 256;

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
            throw new FormatException($"{source}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: {Plain(e)}", e);
        }
        return (workload ?? throw new FormatException($"{source}: the file holds null, not a workload (an object with runMilliseconds and streams).")).Validated(source);
    }

    /// <summary>Checks every stream; throws naming the stream and field.</summary>
    public Workload Validated(string source = "workload")
    {
        if (RunMilliseconds is <= 0 or > 60_000 || double.IsNaN(RunMilliseconds)) throw new FormatException($"{source}: runMilliseconds must be in (0, 60000], not {RunMilliseconds}.");
        if (Streams is null) throw new FormatException($"{source}: streams must be a list of stream objects, not null.");
        for (int i = 0; i < Streams.Count; i++)
        {
            var s = Streams[i] ?? throw new FormatException($"{source}: streams[{i}] is null; each stream is an object such as {{ \"kind\": \"memcpy\", \"bytes\": 4096 }}.");
            foreach (var (field, text) in new[] { ("name", s.Name), ("consumer", s.Consumer), ("channel", s.Channel), ("controller", s.Controller) })
            {
                if (text?.Length > MaxNameLength) throw new FormatException($"{source}: streams[{i}]: {field} is {text.Length} characters long; at most {MaxNameLength} are allowed.");
            }
            string at = $"{source}: streams[{i}] ({s.Label})";
            if (!Enum.IsDefined(s.Kind)) throw new FormatException($"{at}: kind must be \"slave\", \"cyclic\" or \"memcpy\".");
            if (s.Bytes <= 0) throw new FormatException($"{at}: bytes must be positive.");
            if (s.QueueDepth is < 1 or > 64) throw new FormatException($"{at}: queueDepth must be 1..64.");
            if (s.Count < 0) throw new FormatException($"{at}: count must be 0 (run until the workload ends) or a positive number of transfers, not {s.Count}.");
            if (s.Kind != StreamKind.Memcpy && (string.IsNullOrEmpty(s.Consumer) || string.IsNullOrEmpty(s.Channel)))
                throw new FormatException($"{at}: a {s.Kind.ToString().ToLowerInvariant()} stream needs \"consumer\" and \"channel\".");
            if (s.Kind == StreamKind.Cyclic && (s.PeriodBytes <= 0 || s.Bytes % s.PeriodBytes != 0))
                throw new FormatException($"{at}: bytes ({s.Bytes}) must be a whole number of periodBytes ({s.PeriodBytes}).");
        }
        return this;
    }

    /// <summary>
    /// A JSON error as a sentence about the workload file, not about .NET: what was expected where
    /// (by JSON path), with no type names; the line and column go in front of it.
    /// </summary>
    private static string Plain(JsonException e)
    {
        string path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "the workload" : e.Path.TrimStart('$', '.');
        string message = e.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            string property = message.Split('\'')[1];
            bool top = message.Contains($"'{typeof(Workload).FullName}'", StringComparison.Ordinal);
            return top
                ? $"unknown property '{property}' (a workload has runMilliseconds and streams)."
                : $"unknown property '{property}' in a stream (a stream has consumer, channel, controller, kind, bytes, periodBytes, queueDepth, count and name).";
        }
        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            string type = message["The JSON value could not be converted to ".Length..].Split(". Path:")[0];
            return $"{path} must be {Expected(type)}.";
        }
        // A syntax error (an unclosed object, a stray character): System.Text.Json's sentence, less
        // the position it repeats after "Path:" (the line and column are in front).
        int repeat = message.IndexOf(" Path:", StringComparison.Ordinal);
        return $"{path}: {(repeat >= 0 ? message[..repeat] : message)}";
    }

    private static string Expected(string type) => type switch
    {
        _ when type == typeof(Workload).FullName => "an object with runMilliseconds and streams",
        _ when type == typeof(WorkloadStream).FullName => "a stream object",
        _ when type == typeof(StreamKind).FullName => "\"slave\", \"cyclic\" or \"memcpy\"",
        _ when type.StartsWith("System.Collections.Generic.IReadOnlyList", StringComparison.Ordinal) => "a list of stream objects",
        "System.Int32" => "a whole number from -2147483648 to 2147483647",
        "System.Double" => "a number",
        "System.String" => "a string",
        _ => "a value of another kind",
    };
}
