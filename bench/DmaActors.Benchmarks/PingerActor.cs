using Akka.Actor;

namespace DmaActors.Benchmarks;

/// <summary>Keeps exactly one ball in flight with an <see cref="EchoActor"/> for a given number of round trips.</summary>
internal sealed class PingerActor : ReceiveActor
{
    private readonly IActorRef _partner;
    private int _remaining;
    private Completion? _done;

    public PingerActor(IActorRef partner)
    {
        _partner = partner;
        Receive<BenchMessages.StartPingPong>(OnStart);
        Receive<BenchMessages.Ping>(OnPing);
    }

    private void OnStart(BenchMessages.StartPingPong start)
    {
        _remaining = start.RoundTrips;
        _done = start.Done;
        _partner.Tell(BenchMessages.Ping.Instance, Self);
    }

    private void OnPing(BenchMessages.Ping ping)
    {
        if (--_remaining > 0) _partner.Tell(ping, Self);
        else _done!.Signal();
    }
}
