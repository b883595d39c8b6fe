using Akka.Actor;
using BenchmarkDotNet.Attributes;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// Spawning <see cref="ActorCount"/> top-level actors from outside the system, until every one has
/// been built (its constructor has run), on each <see cref="ActorRuntime"/>; results are per actor.
/// On the deterministic dispatcher the benchmark thread then drives the world until every actor is
/// built (each creation is a step), inside the measured operation. After each iteration the
/// retained heap per actor is measured (GC.GetTotalMemory(true), after the world settled) and
/// shown in the "Retained B/actor" column. Anchor: Akka.NET ~1300 bytes per actor (issue #629).
/// One invocation is a million actors (seconds, plus a teardown of seconds), so this class fixes
/// its own, smaller iteration counts; they override the command line's. Both actor kinds are made
/// by a factory delegate (<see cref="FactoryProps"/>, an Akka.NET <see cref="IIndirectActorProducer"/>),
/// as the old kernel's Props made them, rather than by Akka.NET's reflective
/// <c>Props.Create(expression)</c>; the same Props serve all three runtimes.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class SpawnBenchmarks : RuntimeBenchmark
{
    public const int ActorCount = 1_000_000;

    private readonly SpawnTally _tally = new();
    private BenchSystem? _system;
    private IActorRef[] _actors = [];
    private Props? _props;
    private long _before;

    [IterationSetup(Target = nameof(SpawnIdleActors))]
    public void SetupIdle() => Setup(FactoryProps.Of(() => new IdleActor(_tally)));

    [IterationSetup(Target = nameof(SpawnBareActors))]
    public void SetupBare() => Setup(FactoryProps.Of(() => new BareActor(_tally)));

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
        _system = BenchSystem.Create(Runtime, "spawn");
        _actors = new IActorRef[ActorCount];
        _props = props;
        _tally.Created = new Completion(ActorCount);
        _before = GC.GetTotalMemory(forceFullCollection: true);
    }

    private void SpawnAll()
    {
        var system = _system!.System;
        var props = _props!;
        var actors = _actors;
        for (int i = 0; i < actors.Length; i++) actors[i] = system.ActorOf(props);
        _system.Await(_tally.Created);
    }

    private void Cleanup(string benchmark)
    {
        var system = _system!;
        system.Settle();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        FootprintLog.Record(FootprintLog.SpawnKey(benchmark, Runtime), (after - _before) / (double)ActorCount);
        system.Terminate();
        _actors = [];
        _system = null;
    }
}
