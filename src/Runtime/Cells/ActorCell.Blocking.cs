namespace DmaActors.Runtime.Cells;

// Blocking asks on the real-clock thread pool: each actor blocked in one records whom it waits
// for; a new block that would close a cycle (A waits for B, B for A) is refused at once instead
// of hanging until the time-out. Two actors blocking at once both publish before they walk
// (full fence), so at least one of them sees the cycle.
internal sealed partial class ActorCell
{

    /// <summary>Records that this actor now blocks waiting for <paramref name="target"/>; throws if that closes a cycle.</summary>
    internal void BlockOn(ActorCell target)
    {
        Interlocked.Exchange(ref Extras.BlockedOn, target);
        int hops = 0;
        for (var cell = target; cell is not null && hops < 10_000; cell = Volatile.Read(ref cell._extras)?.BlockedOn, hops++)
        {
            if (cell != this) continue;
            Volatile.Write(ref Extras.BlockedOn, null);
            throw new ActorDeadlockException(
                $"{Path} would block on an ask to {target.Path}, which is itself (directly or through others) blocked waiting for {Path}: the replies can never come. Use Tell and handle the reply as a message.");
        }
    }

    internal void Unblock() => Volatile.Write(ref Extras.BlockedOn, null);
}
