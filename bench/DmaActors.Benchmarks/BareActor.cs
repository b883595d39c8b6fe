using Akka.Actor;

namespace DmaActors.Benchmarks;

/// <summary>An actor with no handler at all: what the runtime alone costs per actor (a <see cref="ReceiveActor"/>, as ours all are).</summary>
internal sealed class BareActor : ReceiveActor
{
    public BareActor(SpawnTally tally)
    {
        tally.Created.Signal();
    }
}
