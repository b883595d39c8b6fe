using Akka.Actor;
using BenchmarkDotNet.Attributes;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// Akka.NET's PingPong (<c>src/benchmark/PingPong</c>): <see cref="Environment.ProcessorCount"/>
/// client/destination pairs, each client keeping <see cref="InFlight"/> messages in flight;
/// every message both ways counts, and results are per message, on each
/// <see cref="ActorRuntime"/>. Swept over the dispatcher's throughput (Akka.NET's default is 30):
/// stock Akka.NET through <c>akka.actor.default-dispatcher.throughput</c>, our thread pool through
/// <see cref="SimulationSettings.Throughput"/>.
/// </summary>
/// <remarks>
/// The deterministic dispatcher has no such knob: it always takes exactly one message per step
/// (one seeded choice of mailbox per message), so its three rows measure the same thing; they
/// stay so that every throughput group shows all three runtimes. It runs on the benchmark thread
/// alone (the world is held and driven inside the measured operation), so its pairs never run in
/// parallel.
/// </remarks>
[MemoryDiagnoser]
public class ManyPairsThroughputBenchmarks : RuntimeBenchmark
{
    public const int InFlight = 1000;

    /// <summary>Round trips per invocation over all pairs: 4 M messages (both directions).</summary>
    public const int TotalRoundTrips = 2_000_000;

    private const int TotalMessages = 2 * TotalRoundTrips;

    private readonly int _pairs = Environment.ProcessorCount;
    private BenchSystem? _system;
    private IActorRef[] _clients = [];

    /// <summary>User messages a mailbox handles per run before it gives its thread back (ignored by the deterministic dispatcher: always 1).</summary>
    [Params(1, 30, 100)]
    public int Throughput { get; set; }

    private long RepeatsPerPair => TotalRoundTrips / _pairs;

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchSystem.Create(Runtime, "pairs", Throughput);
        _clients = new IActorRef[_pairs];
        for (int i = 0; i < _pairs; i++)
        {
            var destination = _system.ActorOf(FactoryProps.Of(() => new EchoActor()), $"destination{i}");
            _clients[i] = _system.ActorOf(FactoryProps.Of(() => new ThroughputClientActor(destination)), $"client{i}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _system?.Terminate();
        _system = null;
    }

    [Benchmark(OperationsPerInvoke = TotalMessages, Description = "many pairs: pairs x 1000 in flight")]
    public void ManyPairs()
    {
        var done = new Completion(_pairs);
        foreach (var client in _clients) client.Tell(new BenchMessages.StartClient(RepeatsPerPair, InFlight, done));
        _system!.Await(done);
    }
}
