using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Runtime.Tests;

public sealed class ScheduleExplorationTests(ITestOutputHelper output)
{
    [Fact]
    public void The_same_seed_gives_an_identical_trace_for_each_of_100_seeds()
    {
        for (ulong seed = 1; seed <= 100; seed++)
        {
            var first = TraceOf(seed);
            var second = TraceOf(seed);
            Assert.True(first.Fingerprint == second.Fingerprint && first.Steps == second.Steps, $"seed {seed}: two runs took different schedules");
            Assert.Equal(first.Lines, second.Lines);
        }
    }

    [Fact]
    public void Different_seeds_explore_different_interleavings()
    {
        var fingerprints = Enumerable.Range(1, 50).Select(s => TraceOf((ulong)s).Fingerprint).ToHashSet();
        Assert.True(fingerprints.Count > 10, $"50 seeds produced only {fingerprints.Count} distinct schedules");
    }

    [Fact]
    public void ExploreSchedules_finds_the_lost_update_within_100_seeds_and_reports_the_seed_and_trace()
    {
        var failure = Assert.Throws<ScheduleFailedException>(() =>
            ScheduleExploration.Explore(100, system => Assert.Equal(2, RacyTransferProgram.Run(system)), output: output));

        output.WriteLine(failure.Message);
        Assert.Contains($"seed {failure.Seed}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("DMACTORS_SEED=" + failure.Seed, failure.Message, StringComparison.Ordinal);
        Assert.Contains("/user/register <- Write", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Trace.Steps > 0);
    }

    [Fact]
    public void The_reported_seed_replays_the_same_failure_with_the_same_schedule()
    {
        var found = Assert.Throws<ScheduleFailedException>(() =>
            ScheduleExploration.Explore(100, system => Assert.Equal(2, RacyTransferProgram.Run(system))));

        for (int replay = 0; replay < 3; replay++)
        {
            var again = Assert.Throws<ScheduleFailedException>(() =>
                ScheduleExploration.Explore([found.Seed], system => Assert.Equal(2, RacyTransferProgram.Run(system))));
            Assert.Equal(found.Seed, again.Seed);
            Assert.Equal(found.Trace.Fingerprint, again.Trace.Fingerprint);
            Assert.Equal(found.Trace.Steps, again.Trace.Steps);
        }
    }

    [Fact]
    public void A_correct_program_passes_every_explored_schedule()
    {
        var result = ScheduleExploration.Explore(50, system =>
        {
            var echo = system.ActorOf(Props.Create(() => new EchoActor()));
            var probe = new TestProbe(system);
            for (int i = 0; i < 5; i++) probe.Send(echo, i);
            Assert.Equal([0, 1, 2, 3, 4], probe.ReceiveN(5).Cast<int>());
        }, output: output);
        Assert.Equal(50, result.Runs);
        Assert.True(result.DistinctSchedules > 1);
    }

    private static (ulong Fingerprint, long Steps, string[] Lines) TraceOf(ulong seed)
    {
        using var system = ActorSystem.Create("trace", ActorSystemSettings.Deterministic(seed));
        RacyTransferProgram.Run(system);
        var trace = system.ScheduleTrace!;
        return (trace.Fingerprint, trace.Steps, [.. trace.Tail().Select(s => s.ToString())]);
    }
}
