using DmaActors.Tests.Shared;
using Akka.Actor;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using Xunit.Abstractions;

namespace DmaActors.TestKit.Tests;

/// <summary>ScheduleExploration finds a race by seed, reports it with its last steps, and its seed replays it exactly.</summary>
public sealed class ScheduleExplorationTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_lost_update_between_two_actors_is_found_within_200_seeds_and_its_seed_replays_it()
    {
        var failure = Assert.Throws<ScheduleFailedException>(() => ScheduleExploration.Explore(200, LostUpdateMustNotHappen, output: TestOutput));

        Assert.Contains($"{SimulationSettings.SeedVariable}={failure.Seed}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/user/register <- Write", failure.Message, StringComparison.Ordinal);
        var replay = Assert.Throws<ScheduleFailedException>(() => ScheduleExploration.Explore([failure.Seed], LostUpdateMustNotHappen));
        Assert.Equal(failure.Trace.Fingerprint, replay.Trace.Fingerprint);
        Assert.Equal(failure.Trace.Steps, replay.Trace.Steps);
    }

    [Fact]
    public void A_correct_body_passes_over_every_seed_and_the_seeds_take_different_schedules()
    {
        var result = ScheduleExploration.Explore(50, system =>
        {
            var probe = CreateTestProbe(system);
            var a = system.ActorOf(Props.Create(() => new Echo()), "a");
            var b = system.ActorOf(Props.Create(() => new Echo()), "b");
            a.Tell("a", probe.Ref);
            b.Tell("b", probe.Ref);
            Assert.Equal(["a", "b"], probe.ReceiveN(2, Duration.FromMilliseconds(1)).Cast<string>().Order());
        });

        Assert.Equal(50, result.Runs);
        Assert.True(result.DistinctSchedules > 1, $"50 seeds took {result.DistinctSchedules} schedule(s).");
    }

    private static void LostUpdateMustNotHappen(ActorSystem system)
    {
        var register = LostUpdateProgram.Start(system);
        system.RunUntilIdle();
        Assert.Equal(2, register.AskBlocking<int>(new LostUpdateProgram.Read()));
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(s => Sender.Tell(s));
    }
}
