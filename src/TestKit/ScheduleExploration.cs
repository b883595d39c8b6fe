using System.Globalization;
using Akka.Actor;
using DmaActors.Runtime;
using DmaActors.Runtime.Dispatch;
using Xunit.Abstractions;

namespace DmaActors.TestKit;

/// <summary>
/// Runs a test body under many seeds of the deterministic dispatcher, each in a fresh simulated
/// system (one Akka's TestKit works in: <c>CreateTestProbe(system)</c> makes a probe there), so it
/// meets many interleavings of its actors. A failure reports the seed, how to replay
/// it, and the last steps of that run; setting <c>DMACTORS_SEED</c> runs that one seed alone.
/// </summary>
public static class ScheduleExploration
{
    /// <summary>How many trace steps a failure report shows.</summary>
    public const int ReportedSteps = 40;

    /// <summary>
    /// Runs <paramref name="body"/> once per seed in <paramref name="seeds"/> (or only the seed
    /// forced by <c>DMACTORS_SEED</c>). Throws <see cref="ScheduleFailedException"/> for the first
    /// seed whose run throws.
    /// </summary>
    /// <returns>What was explored: runs, and how many distinct schedules they took.</returns>
    public static ExplorationResult Explore(IEnumerable<ulong> seeds, Action<ActorSystem> body, ITestOutputHelper? output = null, SimulationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(body);
        var forced = SimulationSettings.SeedFromEnvironment();
        var toRun = forced is { } only ? [only] : seeds.ToList();
        var fingerprints = new HashSet<ulong>();
        long steps = 0;
        foreach (var seed in toRun)
        {
            var runSettings = (settings ?? new SimulationSettings()) with { Dispatcher = DispatcherKind.Deterministic, Clock = ClockKind.Virtual, Seed = seed };
            var system = SimulationTestKit.CreateSystem("explore-" + seed.ToString(CultureInfo.InvariantCulture), output, runSettings);
            try
            {
                var world = system.Simulation();
                try
                {
                    body(system);
                }
                catch (Exception failure)
                {
                    // As of the failure: the system's shutdown must not add to it.
                    var trace = world.Trace!.Snapshot();
                    var report = Report(seed, toRun.Count, trace, failure);
                    output?.WriteLine(report);
                    throw new ScheduleFailedException(seed, trace, failure, report);
                }
                fingerprints.Add(world.Trace!.Fingerprint);
                steps += world.Trace.Steps;
            }
            finally
            {
                system.Terminate().Wait(TimeSpan.FromSeconds(10));
            }
        }
        output?.WriteLine($"Explored {toRun.Count} schedules ({fingerprints.Count} distinct, {steps} steps): all passed.");
        return new ExplorationResult(toRun.Count, fingerprints.Count, steps);
    }

    /// <summary>Runs <paramref name="body"/> under seeds <paramref name="firstSeed"/> … <paramref name="firstSeed"/> + <paramref name="count"/> − 1.</summary>
    public static ExplorationResult Explore(int count, Action<ActorSystem> body, ulong firstSeed = 1, ITestOutputHelper? output = null, SimulationSettings? settings = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Explore(Seeds(firstSeed, count), body, output, settings);
    }

    private static IEnumerable<ulong> Seeds(ulong first, int count)
    {
        for (int i = 0; i < count; i++) yield return first + (ulong)i;
    }

    private static string Report(ulong seed, int runs, ScheduleTrace trace, Exception failure) =>
        $"""
        Schedule exploration failed on seed {seed} after {trace.Steps} steps ({runs} seeds in this exploration).
        Cause: {failure.GetType().Name}: {failure.Message}
        Replay exactly this run: {SimulationSettings.SeedVariable}={seed} dotnet test --filter <this test>
        Last steps of the failing run (fingerprint {trace.Fingerprint:x16}):
        {trace.Format(ReportedSteps)}
        """;
}
