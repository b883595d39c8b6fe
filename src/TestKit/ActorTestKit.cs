using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using Xunit.Abstractions;

namespace DmaActors.TestKit;

/// <summary>
/// Base class for actor tests under xunit: owns one <see cref="ActorSystem"/> per test (xunit
/// makes one instance per test) and shuts it down afterwards. By default the system runs on the
/// deterministic dispatcher and the virtual clock, so a test is reproducible from its seed
/// (printed to the test output) and waiting costs no wall time.
/// </summary>
public abstract class ActorTestKit : IDisposable
{
    private bool _disposed;

    /// <summary>Creates the system for one test.</summary>
    /// <param name="output">xunit's output; the seed is written there.</param>
    /// <param name="settings">The system's settings; deterministic on the virtual clock when null.</param>
    protected ActorTestKit(ITestOutputHelper? output = null, ActorSystemSettings? settings = null)
    {
        Output = output;
        Sys = ActorSystem.Create(GetType().Name, settings ?? ActorSystemSettings.Deterministic());
        if (Sys.Seed is { } seed) output?.WriteLine($"{ActorSystemSettings.SeedVariable}={seed} replays this test's schedule.");
        TestActor = new TestProbe(Sys, "testActor");
    }

    /// <summary>The system under test.</summary>
    protected ActorSystem Sys { get; }

    /// <summary>xunit's output, if given.</summary>
    protected ITestOutputHelper? Output { get; }

    /// <summary>A probe that is there from the start; the kit's own expectations read it.</summary>
    protected TestProbe TestActor { get; }

    /// <summary>A new probe in <see cref="Sys"/>.</summary>
    protected TestProbe CreateTestProbe(string? name = null) => new(Sys, name);

    /// <summary><see cref="TestProbe.ExpectMsg{T}(Func{T, bool}?, Duration?, string?)"/> on <see cref="TestActor"/>.</summary>
    protected T ExpectMsg<T>(Func<T, bool>? predicate = null, Duration? timeout = null) => TestActor.ExpectMsg<T>(predicate, timeout);

    /// <summary><see cref="TestProbe.ExpectNoMsg(Duration)"/> on <see cref="TestActor"/>.</summary>
    protected void ExpectNoMsg(Duration duration) => TestActor.ExpectNoMsg(duration);

    /// <summary>Runs until no actor has work (timers already due fire; the clock does not move).</summary>
    protected void RunUntilIdle() => Sys.RunUntilIdle();

    /// <summary>Moves virtual time forward, firing every timer in the span in order.</summary>
    protected void Advance(Duration duration) => Sys.Advance(duration);

    /// <summary>
    /// Retries <paramref name="assertion"/> until it passes, driving the system by
    /// <paramref name="interval"/> of system time between tries, for at most <paramref name="duration"/>.
    /// </summary>
    protected void AwaitAssert(Action assertion, Duration? duration = null, Duration? interval = null) =>
        Awaiting.AwaitAssert(Sys, assertion, duration ?? Duration.FromSeconds(3), interval ?? Duration.FromMilliseconds(10));

    /// <summary>
    /// Runs <paramref name="body"/> once per seed, each in a fresh deterministic system (not
    /// <see cref="Sys"/>); the first failing seed is reported with its trace and how to replay it.
    /// </summary>
    protected ExplorationResult ExploreSchedules(IEnumerable<ulong> seeds, Action<ActorSystem> body) =>
        ScheduleExploration.Explore(seeds, body, Output);

    /// <summary>Runs <paramref name="body"/> under seeds 1 … <paramref name="count"/>.</summary>
    protected ExplorationResult ExploreSchedules(int count, Action<ActorSystem> body) =>
        ScheduleExploration.Explore(count, body, output: Output);

    /// <summary>Shuts the system down (immediately: a test's leftovers are not waited for).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Shuts the system down.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing) return;
        _disposed = true;
        Sys.Shutdown(ShutdownMode.Immediate);
    }
}
