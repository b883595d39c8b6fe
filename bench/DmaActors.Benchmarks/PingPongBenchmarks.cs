using Akka.Actor;
using BenchmarkDotNet.Attributes;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// Pure latency: two actors (pinger, echo), exactly one message in flight,
/// <see cref="RoundTrips"/> round trips per invocation; results are per hop (one message
/// delivered and handled), on each <see cref="ActorRuntime"/>. Anchors: Akka.NET 227.9 ns per
/// message (.NET 8, i7-6700K); the old kernel 87.9 ns per hop and raw channels 214.6 ns per hop
/// on the 2-vCPU machine (bench/README.md; the channels are still measured by
/// <see cref="ChannelBaselineBenchmarks"/>). On the deterministic dispatcher the benchmark thread
/// itself runs every step (the world is held), inside the measured operation.
/// </summary>
[MemoryDiagnoser]
public class PingPongBenchmarks : RuntimeBenchmark
{
    public const int RoundTrips = 100_000;
    private const int Hops = 2 * RoundTrips;

    private BenchSystem? _system;
    private IActorRef? _pinger;

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchSystem.Create(Runtime, "pingpong");
        var echo = _system.ActorOf(FactoryProps.Of(() => new EchoActor()), "echo");
        _pinger = _system.ActorOf(FactoryProps.Of(() => new PingerActor(echo)), "pinger");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system?.Terminate();
        _system = null;
    }

    [Benchmark(OperationsPerInvoke = Hops, Description = "ping-pong: 1 pair, 1 in flight")]
    public void PingPong()
    {
        var done = new Completion(1);
        _pinger!.Tell(new BenchMessages.StartPingPong(RoundTrips, done));
        _system!.Await(done);
    }
}
