namespace DmaActors.Runtime.Tests;

/// <summary>Tests that set process-wide environment variables run alone.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public sealed class SeedSettingsTests
{
    [Fact]
    public void The_seed_variable_forces_the_seed_of_a_deterministic_system()
    {
        var saved = Environment.GetEnvironmentVariable(ActorSystemSettings.SeedVariable);
        try
        {
            Environment.SetEnvironmentVariable(ActorSystemSettings.SeedVariable, "4242");
            using var system = ActorSystem.Create("seeded", ActorSystemSettings.Deterministic());
            Assert.Equal(4242UL, system.Seed);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ActorSystemSettings.SeedVariable, saved);
        }
    }

    [Fact]
    public void A_malformed_seed_variable_is_rejected_with_its_name()
    {
        var saved = Environment.GetEnvironmentVariable(ActorSystemSettings.SeedVariable);
        try
        {
            Environment.SetEnvironmentVariable(ActorSystemSettings.SeedVariable, "abc");
            var failure = Assert.Throws<FormatException>(() => ActorSystemSettings.SeedFromEnvironment());
            Assert.Contains("DMACTORS_SEED='abc'", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ActorSystemSettings.SeedVariable, saved);
        }
    }

    [Fact]
    public void An_explicit_seed_is_used_and_the_thread_pool_has_none()
    {
        using var deterministic = ActorSystem.Create("d", ActorSystemSettings.Deterministic(99));
        using var pool = ActorSystem.Create("p");
        Assert.Equal(99UL, deterministic.Seed);
        Assert.Null(pool.Seed);
        Assert.Null(pool.ScheduleTrace);
    }
}
