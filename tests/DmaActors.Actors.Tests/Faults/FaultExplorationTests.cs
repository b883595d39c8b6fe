using DmaActors.Actors.Tests.Channels;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Faults;

/// <summary>
/// Exactly-once completion under many schedules: random bus faults, random quantum preemption and
/// a terminate at a random moment, each seed a different interleaving of the actors (and a
/// different workload, drawn from the same seed). Every submitted descriptor's callback runs at
/// most once, exactly once unless its channel was terminated first, and each channel completes in
/// cookie order (V-7, V-9, V-12, P-11).
/// </summary>
public sealed class FaultExplorationTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_descriptor_ends_exactly_once_in_cookie_order_under_random_faults_and_terminates_across_250_schedules()
    {
        long faults = 0, dropped = 0;
        var result = ScheduleExploration.Explore(250, system =>
        {
            var outcome = DispatcherScenarios.FaultsAndTerminates(system, (int)system.Simulation().Seed!.Value);
            faults += outcome.Faults;
            dropped += outcome.Dropped;
        }, firstSeed: 1, output: output);

        Assert.Equal(250, result.Runs);
        Assert.True(result.DistinctSchedules > 200, $"Only {result.DistinctSchedules} distinct schedules.");
        Assert.True(faults > 100, $"Only {faults} faults were injected over all runs.");
        Assert.True(dropped > 100, $"Terminates dropped only {dropped} descriptors over all runs.");
        output.WriteLine($"{faults} faults injected, {dropped} descriptors dropped by terminates.");
    }
}
