using DmaActors.Runtime;
using Xunit.Abstractions;

namespace DmaActors.TestKit.Tests;

public sealed class ExploreSchedulesTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void ExploreSchedules_reports_the_first_failing_seed_with_a_replay_hint()
    {
        // Two writers race to set a value; the test insists on the second writer winning.
        var failure = Assert.Throws<ScheduleFailedException>(() => ExploreSchedules(100, system =>
        {
            var probe = new TestProbe(system);
            var a = system.ActorOf(Props.Create(() => new Writer("a", probe.Ref)));
            var b = system.ActorOf(Props.Create(() => new Writer("b", probe.Ref)));
            a.Tell("go");
            b.Tell("go");
            Assert.Equal("a", probe.ExpectMsg<string>());
        }));
        Assert.Contains($"DMACTORS_SEED={failure.Seed}", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Seed <= 100);
    }

    [Fact]
    public void ExploreSchedules_passes_a_correct_body_over_every_seed()
    {
        var result = ExploreSchedules([3, 5, 8, 13], system =>
        {
            var probe = new TestProbe(system);
            var a = system.ActorOf(Props.Create(() => new Writer("a", probe.Ref)));
            a.Tell("go");
            Assert.Equal("a", probe.ExpectMsg<string>());
        });
        Assert.Equal(4, result.Runs);
    }

    private sealed class Writer : Actor
    {
        public Writer(string name, IActorRef to) => Receive<string>(_ => to.Tell(name));
    }
}
