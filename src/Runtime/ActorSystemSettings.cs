using System.Globalization;
using DmaActors.Runtime.Supervision;
using DmaActors.Runtime.Time;
using Microsoft.Extensions.Logging;

namespace DmaActors.Runtime;

/// <summary>How an <see cref="ActorSystem"/> runs: dispatcher, clock, batching, time-outs, logging.</summary>
public sealed record ActorSystemSettings
{
    /// <summary>The environment variable that forces the seed of every deterministic system, to replay a failure.</summary>
    public const string SeedVariable = "DMACTORS_SEED";

    /// <summary>Which dispatcher runs the actors. Default: thread pool.</summary>
    public DispatcherKind Dispatcher { get; init; } = DispatcherKind.ThreadPool;

    /// <summary>Which clock keeps time. Default: virtual.</summary>
    public ClockKind Clock { get; init; } = ClockKind.Virtual;

    /// <summary>User messages an actor handles per run before yielding its thread (thread-pool dispatcher). Default 30, as Akka.NET.</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>
    /// Seed of the deterministic dispatcher. When null: the <see cref="SeedVariable"/> environment
    /// variable if set, else 1. Ignored by the thread-pool dispatcher.
    /// </summary>
    public ulong? Seed { get; init; }

    /// <summary>How long an ask waits for its reply by default (on the system's clock). Never infinite by default.</summary>
    public Duration AskTimeout { get; init; } = Duration.FromSeconds(5);

    /// <summary>
    /// Wall-clock limit on one blocking wait for a thread-pool system on the virtual clock, where
    /// virtual time cannot move while actors stay busy (a livelock would otherwise hang the caller).
    /// </summary>
    public TimeSpan WallClockLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Step limit on one drive of the deterministic dispatcher (a livelock would otherwise never end).</summary>
    public long MaxStepsPerRun { get; init; } = 50_000_000;

    /// <summary>How many of the last steps a deterministic schedule trace keeps for failure reports.</summary>
    public int TraceCapacity { get; init; } = 4096;

    /// <summary>How many dead letters are logged before logging of them stops (they are still published).</summary>
    public int DeadLetterLogLimit { get; init; } = 10;

    /// <summary>How the user guardian supervises top-level actors. Default: restart.</summary>
    public SupervisorStrategy GuardianStrategy { get; init; } = SupervisorStrategy.Default;

    /// <summary>Where the kernel logs failures, supervision decisions and dead letters. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The seed a deterministic system will use: <see cref="Seed"/>, else the environment variable, else 1.</summary>
    public ulong EffectiveSeed => Seed ?? SeedFromEnvironment() ?? 1;

    /// <summary>The seed forced by <see cref="SeedVariable"/>, if it is set.</summary>
    public static ulong? SeedFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new FormatException($"{SeedVariable}='{text}' is not a seed: expected a non-negative whole number.");
    }

    /// <summary>Deterministic dispatcher on the virtual clock with <paramref name="seed"/>: the explore mode.</summary>
    public static ActorSystemSettings Deterministic(ulong? seed = null) =>
        new() { Dispatcher = DispatcherKind.Deterministic, Clock = ClockKind.Virtual, Seed = seed };
}
