using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using Xunit.Abstractions;

namespace DmaActors.TestKit;

/// <summary>
/// Base class for actor tests: Akka.TestKit.Xunit2's <c>TestKit</c> on a simulated world. By
/// default the world is deterministic on virtual time, so a test is reproducible from its seed
/// (written to the test's output, with how to replay it) and waiting costs no wall time. Akka's
/// log goes through Akka.Logger.Serilog to the test's output.
/// </summary>
/// <remarks>
/// Everything of Akka's TestKit is here (<c>TestActor</c>, <c>CreateTestProbe</c>,
/// <c>EventFilter</c>, <c>Watch</c>, ...). Its waits (<c>ExpectMsg</c>, <c>ExpectNoMsg</c>,
/// <c>Within</c>) count wall time and do not drive a deterministic world, which runs only when
/// driven: wait in virtual time instead, with the overloads taking a <see cref="Duration"/>
/// (<see cref="VirtualTimeExpectations"/>), or drive with <see cref="Advance"/> and
/// <see cref="RunUntilIdle"/>.
/// </remarks>
public abstract class SimulationTestKit : Akka.TestKit.Xunit2.TestKit
{
    private static long _systems;

    /// <summary>Creates the world for one test (xunit makes one instance per test).</summary>
    /// <param name="output">xunit's output: the seed and Akka's log are written there.</param>
    /// <param name="settings">The world's settings; deterministic on virtual time when null.</param>
    /// <param name="config">More HOCON for the system.</param>
    protected SimulationTestKit(ITestOutputHelper? output = null, SimulationSettings? settings = null, string? config = null)
        : base(CreateSystem(output, settings ?? SimulationSettings.Deterministic(), config), output: null)
    {
        World = Sys.Simulation();
        TestOutput = output;
        if (World.Seed is { } seed) output?.WriteLine($"{SimulationSettings.SeedVariable}={seed} replays this test's schedule.");
    }

    /// <summary>The simulated world of <c>Sys</c>.</summary>
    protected SimulatedWorld World { get; }

    /// <summary>
    /// xunit's output, if given. (Akka's <c>Output</c> stays null: Akka's log reaches the output
    /// through Serilog instead of a second logger of the TestKit's.)
    /// </summary>
    protected ITestOutputHelper? TestOutput { get; }

    /// <summary>Runs until no actor has work (timers already due fire; the clock does not move).</summary>
    protected void RunUntilIdle() => World.RunUntilIdle();

    /// <summary>Moves virtual time forward, firing every timer in the span in order.</summary>
    protected void Advance(Duration duration) => World.Advance(duration);

    /// <summary>Runs the world until <paramref name="condition"/> holds or <paramref name="timeout"/> of its time passes.</summary>
    protected RunOutcome RunUntil(Func<bool> condition, Duration timeout) => World.RunUntil(condition, timeout);

    /// <summary>Sends <paramref name="message"/> and returns the reply (<see cref="SimulatedWorld.AskBlocking{T}"/>).</summary>
    protected T AskBlocking<T>(IActorRef target, object message, Duration? timeout = null) => World.AskBlocking<T>(target, message, timeout);

    /// <summary>
    /// Retries <paramref name="assertion"/> until it passes, driving the world by
    /// <paramref name="interval"/> of its time between tries, for at most <paramref name="duration"/>.
    /// </summary>
    protected void AwaitAssert(Action assertion, Duration duration, Duration? interval = null) =>
        VirtualTimeExpectations.AwaitAssert(World, assertion, duration, interval ?? Duration.FromMilliseconds(10));

    /// <summary>
    /// Runs <paramref name="body"/> once per seed 1 … <paramref name="count"/>, each in a fresh
    /// deterministic world (not <c>Sys</c>); the first failing seed is reported with its trace.
    /// </summary>
    protected ExplorationResult ExploreSchedules(int count, Action<ActorSystem> body) =>
        ScheduleExploration.Explore(count, body, output: TestOutput);

    /// <summary>
    /// A simulated system that Akka's TestKit can work in (its calling-thread dispatcher for probes,
    /// its event listener for <c>EventFilter</c>), named uniquely, with Akka's log routed to
    /// <paramref name="output"/>.
    /// </summary>
    /// <param name="prefix">The start of the system's name.</param>
    /// <param name="output">Where Akka's log goes; nowhere when null.</param>
    /// <param name="settings">The world's settings.</param>
    /// <param name="config">More HOCON for the system.</param>
    public static ActorSystem CreateSystem(string prefix, ITestOutputHelper? output, SimulationSettings settings, string? config = null)
    {
        string name = prefix + "-" + Interlocked.Increment(ref _systems).ToString(CultureInfo.InvariantCulture);
        TestOutputRouter.Route(name, output);
        var hocon = ConfigurationFactory.ParseString(
            """akka.loggers = ["Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog", "Akka.TestKit.TestEventListener, Akka.TestKit"]""");
        if (config is not null) hocon = ConfigurationFactory.ParseString(config).WithFallback(hocon);
        var system = Simulation.Create(name, settings, hocon.WithFallback(Akka.TestKit.Configs.TestConfigs.DefaultConfig));
        system.RegisterOnTermination(() => TestOutputRouter.Forget(name));
        return system;
    }

    private static ActorSystem CreateSystem(ITestOutputHelper? output, SimulationSettings settings, string? config) =>
        CreateSystem("test", output, settings, config);
}
