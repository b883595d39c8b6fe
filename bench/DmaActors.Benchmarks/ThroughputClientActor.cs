using Akka.Actor;

namespace DmaActors.Benchmarks;

/// <summary>
/// Akka.NET PingPong's client (<c>src/benchmark/PingPong/ClientActorBase.cs</c>): keeps
/// <c>InFlight</c> messages in flight with its destination until <c>Repeats</c> replies are back.
/// </summary>
internal sealed class ThroughputClientActor : ReceiveActor
{
    private readonly IActorRef _destination;
    private long _repeats;
    private long _sent;
    private long _received;
    private Completion? _done;

    public ThroughputClientActor(IActorRef destination)
    {
        _destination = destination;
        Receive<BenchMessages.StartClient>(OnStart);
        Receive<BenchMessages.Ping>(OnReply);
    }

    private void OnStart(BenchMessages.StartClient start)
    {
        _repeats = start.Repeats;
        _done = start.Done;
        _sent = 0;
        _received = 0;
        long initial = Math.Min(start.InFlight, start.Repeats);
        for (; _sent < initial; _sent++) _destination.Tell(BenchMessages.Ping.Instance, Self);
    }

    private void OnReply(BenchMessages.Ping ping)
    {
        _received++;
        if (_sent < _repeats)
        {
            _sent++;
            _destination.Tell(ping, Self);
        }
        else if (_received == _repeats)
        {
            _done!.Signal();
        }
    }
}
