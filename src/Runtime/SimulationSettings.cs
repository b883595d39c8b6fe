using System.Globalization;
using Akka.Event;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime;

/// <summary>How a simulated world runs: dispatcher, clock, seed, batching, time-outs, logging.</summary>
/// <remarks>
/// <see cref="SimulationConfig"/> turns these into the HOCON of the world's <c>ActorSystem</c>.
/// Combinations: deterministic on the virtual clock (explore: race and ordering tests), thread
/// pool on the virtual clock (simulate: the default), thread pool on the real clock (stress).
/// </remarks>
public sealed record SimulationSettings
{
    /// <summary>The environment variable that forces the seed of every deterministic world, to replay a failure.</summary>
    public const string SeedVariable = "DMACTORS_SEED";

    /// <summary>Which dispatcher runs the actors. Default: the counting thread pool.</summary>
    public DispatcherKind Dispatcher { get; init; } = DispatcherKind.ThreadPool;

    /// <summary>Which clock keeps time. Default: virtual.</summary>
    public ClockKind Clock { get; init; } = ClockKind.Virtual;

    /// <summary>User messages a mailbox handles per run on the thread pool before yielding its thread. Default 30, as Akka.NET's.</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>
    /// Seed of the deterministic dispatcher. When null: the <see cref="SeedVariable"/> environment
    /// variable if set, else 1. Ignored by the thread pool.
    /// </summary>
    public ulong? Seed { get; init; }

    /// <summary>How long a blocking ask waits for its reply by default, on the world's clock.</summary>
    public Duration AskTimeout { get; init; } = Duration.FromSeconds(5);

    /// <summary>
    /// Wall-clock limit on a blocking wait of a thread-pool world on the virtual clock, where time
    /// cannot move while actors stay busy (a livelock would otherwise hang the caller). Any
    /// progress restarts it.
    /// </summary>
    public TimeSpan WallClockLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Step limit on one drive of the deterministic dispatcher (a livelock would otherwise never end).</summary>
    public long MaxStepsPerRun { get; init; } = 50_000_000;

    /// <summary>How many of the last steps a deterministic schedule trace keeps for failure reports.</summary>
    public int TraceCapacity { get; init; } = 4096;

    /// <summary>The lowest level Akka logs at (through Akka.Logger.Serilog). Default: warnings.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.WarningLevel;

    /// <summary>How many dead letters Akka logs before it stops logging them. Default 10.</summary>
    public int DeadLetterLogLimit { get; init; } = 10;

    /// <summary>The seed a deterministic world will use: <see cref="Seed"/>, else the environment variable, else 1.</summary>
    public ulong EffectiveSeed => Seed ?? SeedFromEnvironment() ?? 1;

    /// <summary>The seed forced by <see cref="SeedVariable"/>, if it is set.</summary>
    /// <exception cref="FormatException">The variable is set but is not a whole number.</exception>
    public static ulong? SeedFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new FormatException($"{SeedVariable}='{text}' is not a seed: expected a non-negative whole number.");
    }

    /// <summary>Deterministic dispatcher on the virtual clock with <paramref name="seed"/>: the explore mode.</summary>
    public static SimulationSettings Deterministic(ulong? seed = null) =>
        new() { Dispatcher = DispatcherKind.Deterministic, Clock = ClockKind.Virtual, Seed = seed };

    /// <summary>Checks the combination and the numbers; throws naming what is wrong.</summary>
    /// <exception cref="ArgumentException">An impossible combination or a value out of range.</exception>
    public SimulationSettings Validated()
    {
        if (Dispatcher == DispatcherKind.Deterministic && Clock == ClockKind.Real)
            throw new ArgumentException("The deterministic dispatcher runs on the virtual clock: on wall time, timer threads would decide the order and no seed could replay it. Use DispatcherKind.ThreadPool with ClockKind.Real for stress runs.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Throughput, nameof(Throughput));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TraceCapacity, nameof(TraceCapacity));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxStepsPerRun, nameof(MaxStepsPerRun));
        ArgumentOutOfRangeException.ThrowIfNegative(AskTimeout.Nanoseconds, nameof(AskTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(DeadLetterLogLimit, nameof(DeadLetterLogLimit));
        return this;
    }
}
