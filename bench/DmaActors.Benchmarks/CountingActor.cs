using Akka.Actor;

namespace DmaActors.Benchmarks;

/// <summary>Counts <see cref="BenchMessages.Increment"/>s and signals when the expected total is in.</summary>
internal sealed class CountingActor : ReceiveActor
{
    private long _count;
    private long _expected = long.MaxValue;
    private Completion? _done;

    public CountingActor()
    {
        Receive<BenchMessages.ExpectCount>(OnExpect);
        Receive<BenchMessages.Increment>(OnIncrement);
    }

    private void OnExpect(BenchMessages.ExpectCount expect)
    {
        _count = 0;
        _expected = expect.Total;
        _done = expect.Done;
    }

    private void OnIncrement(BenchMessages.Increment increment)
    {
        if (++_count == _expected) _done!.Signal();
    }
}
