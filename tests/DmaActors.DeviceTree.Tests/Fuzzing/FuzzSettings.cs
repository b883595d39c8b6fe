using System.Globalization;

namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>
/// How long the fuzzing suite runs. CI uses the defaults (about 30 s for the whole suite on the
/// 2-core machine); <c>DMACTORS_FUZZ_ITERATIONS=N</c> runs N inputs per property instead (the
/// properties that start dtc run a twentieth of that), <c>DMACTORS_FUZZ_SEED</c> replays a
/// CsCheck seed a failure printed, and <c>DMACTORS_FUZZ_REPORT=FILE</c> appends each property's
/// outcome counts to FILE.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>Inputs per property without dtc: <c>DMACTORS_FUZZ_ITERATIONS</c>, or <paramref name="ci"/>.</summary>
    public static long Iterations(long ci) => Configured ?? ci;

    /// <summary>Inputs per property that starts a dtc process for each.</summary>
    public static long DtcIterations(long ci) => Configured is { } n ? Math.Max(1, n / 20) : ci;

    /// <summary>A CsCheck seed to replay, or null for a fresh one.</summary>
    public static string? Seed => Environment.GetEnvironmentVariable("DMACTORS_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>Where to append outcome counts, or null.</summary>
    public static string? ReportFile => Environment.GetEnvironmentVariable("DMACTORS_FUZZ_REPORT") is { Length: > 0 } file ? file : null;

    /// <summary>
    /// The most one input may take before it counts as a hang: generous, since CI shares 2 cores;
    /// no input here is larger than a few hundred kilobytes, and all of them parse in milliseconds.
    /// </summary>
    public static TimeSpan TimeBound { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The most one parse may allocate: 64 MiB and 200 bytes per input character or byte.</summary>
    public static long MemoryBound(int inputLength) => (64L << 20) + (200L * inputLength);

    private static long? Configured =>
        long.TryParse(Environment.GetEnvironmentVariable("DMACTORS_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 ? n : null;
}
