using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Benchmarks;

/// <summary>
/// One actor system of a given <see cref="ActorRuntime"/>, as the messaging benchmarks and reports
/// use it: made by <see cref="Create"/>, waited on by <see cref="Await"/> (which drives a held
/// deterministic world and blocks on the completion's event otherwise), ended by
/// <see cref="Terminate"/>.
/// </summary>
internal sealed class BenchSystem : IDisposable
{
    private BenchSystem(ActorRuntime runtime, ActorSystem system)
    {
        Runtime = runtime;
        System = system;
        World = runtime == ActorRuntime.StockAkka ? null : system.Simulation();
    }

    /// <summary>Which runtime this is.</summary>
    public ActorRuntime Runtime { get; }

    /// <summary>The Akka.NET system.</summary>
    public ActorSystem System { get; }

    /// <summary>Its simulated world; null for stock Akka.NET.</summary>
    public SimulatedWorld? World { get; }

    /// <summary>
    /// Creates a system of <paramref name="runtime"/>. <paramref name="throughput"/> is the user
    /// messages a mailbox handles per run before giving its thread back: stock Akka.NET takes it
    /// from <c>akka.actor.default-dispatcher.throughput</c>, our thread pool from
    /// <see cref="SimulationSettings.Throughput"/>. Our deterministic dispatcher ignores it: it
    /// always takes exactly one message per step (SimulationConfig writes throughput = 1 for it),
    /// so its figures do not depend on the parameter.
    /// </summary>
    public static BenchSystem Create(ActorRuntime runtime, string name, int throughput = 30)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(throughput);
        var system = runtime switch
        {
            ActorRuntime.StockAkka => ActorSystem.Create(name, StockConfig(throughput)),
            ActorRuntime.CountingPool => Simulation.Create(name, Settings(DispatcherKind.ThreadPool, throughput)),
            ActorRuntime.Deterministic => Simulation.Create(name, Settings(DispatcherKind.Deterministic, throughput)),
            _ => throw new ArgumentOutOfRangeException(nameof(runtime), runtime, "not a runtime"),
        };
        return new BenchSystem(runtime, system);
    }

    /// <summary>Stock Akka.NET: its default dispatcher and scheduler; only the log levels and the throughput set.</summary>
    public static Config StockConfig(int throughput) => ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
        akka {
          loglevel = WARNING
          stdout-loglevel = OFF
          actor.default-dispatcher.throughput = {{throughput}}
        }
        """));

    /// <summary>
    /// Our world on the virtual clock. Nothing here uses timers, so virtual time never moves; the
    /// limits are the benchmarks' stall limit (a blocking ask waits that long too: opening a
    /// million virtual channels is a million asks on a busy world).
    /// </summary>
    public static SimulationSettings Settings(DispatcherKind dispatcher, int throughput = 30) => new()
    {
        Dispatcher = dispatcher,
        Clock = ClockKind.Virtual,
        Throughput = throughput,
        WallClockLimit = Systems.Limit,
        AskTimeout = Duration.FromSeconds(Systems.Limit.TotalSeconds),
    };

    /// <summary>Starts a top-level actor.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => System.ActorOf(props, name);

    /// <summary>
    /// Until <paramref name="done"/> is complete: a deterministic world is held, so this thread
    /// drives it (<see cref="SimulatedWorld.RunUntil"/>, one message per step, on this thread);
    /// stock Akka.NET and our thread pool run by themselves, so this thread blocks on the
    /// completion's event, the same wait for both (no sleeping, no polling).
    /// </summary>
    /// <param name="done">What to wait for.</param>
    /// <param name="othersSending">
    /// Whether threads outside the world may still Tell into it (null: none do). A held
    /// deterministic world that has run everything queued so far is idle, and
    /// <see cref="SimulatedWorld.RunUntil"/> returns at once, though a sender is about to queue
    /// more: while this says so, the driver waits for the next message (the world's progress
    /// signal, which every newly runnable mailbox pulses; no lost wake-up) and drives again.
    /// </param>
    /// <exception cref="InvalidOperationException">A deterministic world went idle, nobody sending, before it completed.</exception>
    /// <exception cref="TimeoutException">The actors stalled for <see cref="Systems.Limit"/>.</exception>
    public void Await(Completion done, Func<bool>? othersSending = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (World is { IsDeterministic: true } world)
        {
            while (true)
            {
                var outcome = world.RunUntil(() => done.IsDone, Duration.Infinite);
                if (done.IsDone) return;
                if (othersSending?.Invoke() != true && world.IsQuiescent)
                    throw new InvalidOperationException($"The deterministic world stopped ({outcome}) before the actors were done, and nobody is sending: a lost message.");
                // Internal (InternalsVisibleTo this project): the signal a newly runnable mailbox pulses.
                world.Progress.WaitFor(() => !world.IsQuiescent || othersSending?.Invoke() != true, Systems.Limit);
            }
        }
        done.Wait(Systems.Limit);
    }

    /// <summary>
    /// Lets what is still queued settle after an <see cref="Await"/> (a mailbox finishing its run,
    /// Akka's own bookkeeping): our worlds run until idle; stock Akka.NET has no notion of
    /// quiescence, so nothing is done there (the actors have signalled already).
    /// </summary>
    public void Settle() => World?.RunUntilIdle();

    /// <summary>Terminates the system and waits until it has (a deterministic world is released for that and runs by itself).</summary>
    public void Terminate()
    {
        if (!System.Terminate().Wait(Systems.Limit)) throw new TimeoutException($"{System.Name} did not terminate within {Systems.Limit}.");
    }

    public void Dispose() => Terminate();
}
