using BenchmarkDotNet.Attributes;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// Spawning <see cref="ActorCount"/> top-level actors from outside the system, until every one has
/// been built on its own thread (its Create handled); results are per actor. After each iteration
/// the retained heap per actor is measured (GC.GetTotalMemory(true), after RunUntilIdle) and shown
/// in the "Retained B/actor" column. Anchor: Akka.NET ~1300 bytes per actor (issue #629).
/// One invocation is a million actors (seconds, plus a teardown of seconds), so this class fixes
/// its own, smaller iteration counts; they override the command line's.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class SpawnBenchmarks
{
    public const int ActorCount = 1_000_000;

    private readonly SpawnTally _tally = new();
    private ActorSystem? _system;
    private IActorRef[] _actors = [];
    private Props? _props;
    private long _before;

    [IterationSetup(Target = nameof(SpawnIdleActors))]
    public void SetupIdle() => Setup(Props.Create(() => new IdleActor(_tally)));

    [IterationSetup(Target = nameof(SpawnBareActors))]
    public void SetupBare() => Setup(Props.Create(() => new BareActor(_tally)));

    [IterationCleanup(Target = nameof(SpawnIdleActors))]
    public void CleanupIdle() => Cleanup(nameof(SpawnIdleActors));

    [IterationCleanup(Target = nameof(SpawnBareActors))]
    public void CleanupBare() => Cleanup(nameof(SpawnBareActors));

    [Benchmark(OperationsPerInvoke = ActorCount, Description = "spawn 1M actors, 1 handler each")]
    public void SpawnIdleActors() => SpawnAll();

    [Benchmark(OperationsPerInvoke = ActorCount, Description = "spawn 1M actors, no handler")]
    public void SpawnBareActors() => SpawnAll();

    private void Setup(Props props)
    {
        _system = Systems.CreateRealTime("spawn");
        _actors = new IActorRef[ActorCount];
        _props = props;
        _tally.Created = new Completion(ActorCount);
        _before = GC.GetTotalMemory(forceFullCollection: true);
    }

    private void SpawnAll()
    {
        var system = _system!;
        var props = _props!;
        var actors = _actors;
        for (int i = 0; i < actors.Length; i++) actors[i] = system.ActorOf(props);
        _tally.Created.Wait(Systems.Limit);
    }

    private void Cleanup(string benchmark)
    {
        var system = _system!;
        system.RunUntilIdle();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        FootprintLog.Record(benchmark, (after - _before) / (double)ActorCount);
        system.Shutdown();
        _actors = [];
        _system = null;
    }
}
