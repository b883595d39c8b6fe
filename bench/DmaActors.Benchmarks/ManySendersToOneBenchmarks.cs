using Akka.Actor;
using BenchmarkDotNet.Attributes;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// Fan-in: <see cref="Senders"/> plain threads (created once, in the global setup) Tell as fast as
/// they can into one counting actor; results are per message, on each <see cref="ActorRuntime"/>.
/// On the deterministic dispatcher the benchmark thread drives the world while the senders Tell,
/// so the counter runs on that one thread, a message per step; when it has caught up with the
/// senders the world is idle for a moment, and the driver waits for the next message
/// (<see cref="BenchSystem.Await"/>).
/// </summary>
[MemoryDiagnoser]
public class ManySendersToOneBenchmarks : RuntimeBenchmark
{
    public const int Senders = 8;
    public const int MessagesPerSender = 250_000;
    private const int TotalMessages = Senders * MessagesPerSender;

    private SenderThreads? _senders;
    private BenchSystem? _system;
    private IActorRef? _counter;

    [GlobalSetup]
    public void Setup()
    {
        _senders = new SenderThreads(Senders);
        _system = BenchSystem.Create(Runtime, "fan-in");
        _counter = _system.ActorOf(FactoryProps.Of(() => new CountingActor()), "counter");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _senders?.Dispose();
        _senders = null;
        _system?.Terminate();
        _system = null;
    }

    [Benchmark(OperationsPerInvoke = TotalMessages, Description = "8 threads Tell one actor")]
    public void ManySenders()
    {
        var done = new Completion(1);
        var counter = _counter!;
        counter.Tell(new BenchMessages.ExpectCount(TotalMessages, done));
        _senders!.Start(_ =>
        {
            for (int i = 0; i < MessagesPerSender; i++) counter.Tell(BenchMessages.Increment.Instance, ActorRefs.NoSender);
        });
        var senders = _senders;
        _system!.Await(done, othersSending: () => !senders.Finished);
        senders.WaitFinished(Systems.Limit);
    }
}
