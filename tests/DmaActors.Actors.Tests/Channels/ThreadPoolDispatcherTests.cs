using Akka.Actor;
using DmaActors.Runtime;
using DmaActors.TestKit;

namespace DmaActors.Actors.Tests.Channels;

/// <summary>
/// The integrity and ordering scenarios once more on the thread-pool dispatcher with the virtual
/// clock, where actors really run in parallel: virtual time still moves only at quiescence, so
/// totals, data, per-channel order, results and even completion times must equal the
/// deterministic run's.
/// </summary>
public sealed class ThreadPoolDispatcherTests
{
    private static readonly SimulationSettings ThreadPool = new() { Dispatcher = DispatcherKind.ThreadPool, Clock = ClockKind.Virtual };

    [Fact]
    public void Memcpy_integrity_totals_and_per_channel_order_match_the_deterministic_run()
    {
        var expected = Run(SimulationSettings.Deterministic(7), DispatcherScenarios.MemcpyIntegrity);

        for (int run = 0; run < 3; run++)
        {
            var actual = Run(ThreadPool, DispatcherScenarios.MemcpyIntegrity);
            Assert.Equal(expected.Summary, actual.Summary);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Time_division_multiplexing_matches_the_deterministic_run(int quantumBursts)
    {
        var expected = Run(SimulationSettings.Deterministic(7), s => DispatcherScenarios.TimeDivision(s, quantumBursts));

        for (int run = 0; run < 3; run++)
        {
            var actual = Run(ThreadPool, s => DispatcherScenarios.TimeDivision(s, quantumBursts));
            Assert.Equal(expected.Summary, actual.Summary);
            Assert.Equal(expected.Preemptions, actual.Preemptions);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(2024)]
    public void Faults_and_terminates_end_every_descriptor_exactly_once_as_in_the_deterministic_run(int workloadSeed)
    {
        var expected = Run(SimulationSettings.Deterministic(1), s => DispatcherScenarios.FaultsAndTerminates(s, workloadSeed));

        for (int run = 0; run < 3; run++)
        {
            var actual = Run(ThreadPool, s => DispatcherScenarios.FaultsAndTerminates(s, workloadSeed));
            Assert.Equal(expected.Summary, actual.Summary);
            Assert.Equal(expected.Faults, actual.Faults);
            Assert.Equal(expected.Dropped, actual.Dropped);
        }
    }

    private static ScenarioResult Run(SimulationSettings settings, Func<ActorSystem, ScenarioResult> scenario)
    {
        using var scope = new SimulationScope("scenario", settings);
        var system = scope.System;
        return scenario(system);
    }
}
