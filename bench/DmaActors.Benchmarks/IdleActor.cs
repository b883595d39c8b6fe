using Akka.Actor;

namespace DmaActors.Benchmarks;

/// <summary>
/// The typical small actor of a footprint count: one <c>Receive</c> handler (a delegate and a
/// handler object, as any real actor has), signals once built and once per message.
/// </summary>
internal sealed class IdleActor : ReceiveActor
{
    private readonly SpawnTally _tally;

    public IdleActor(SpawnTally tally)
    {
        _tally = tally;
        Receive<BenchMessages.Ping>(_ => _tally.Received.Signal());
        tally.Created.Signal();
    }
}
