using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>An actor with no handler at all: what the kernel alone costs per actor.</summary>
internal sealed class BareActor : Actor
{
    public BareActor(SpawnTally tally)
    {
        tally.Created.Signal();
    }
}
