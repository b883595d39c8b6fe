using Akka.Actor;

namespace DmaActors.Benchmarks;

/// <summary>Sends every ball straight back to its sender: the ponger and the many-pairs destination.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        Receive<BenchMessages.Ping>(ping => Sender.Tell(ping, Self));
    }
}
