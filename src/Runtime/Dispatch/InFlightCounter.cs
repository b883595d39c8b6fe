using System.Runtime.CompilerServices;

namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// Work in flight in a thread-pool world: mailboxes scheduled or running, dispatches from outside
/// the world in progress, timers firing. Zero means nothing is runnable and nothing is on its way:
/// quiescence, the only moment virtual time may move.
/// </summary>
/// <remarks>
/// A mailbox is counted from when Akka hands it to the dispatcher until its run has returned;
/// Akka re-registers a mailbox that still has messages from inside the run, so the count never
/// touches zero while work remains. A message sent by a running actor needs no count of its own
/// (the sender's run covers it); one sent from any other thread is counted while it is being
/// queued. The high 32 bits count how often work was ever begun, so a reader can tell "nothing
/// happened between two reads" from "things happened and cancelled out".
/// </remarks>
internal sealed class InFlightCounter : Time.ITimeMoveGuard
{
    private const long CountMask = 0xFFFF_FFFFL;
    private const long EpochUnit = 1L << 32;

    private readonly Action _onZero;
    private long _value;
    private int _timeMoving;

    /// <param name="onZero">Called on the thread that brings the count to zero.</param>
    public InFlightCounter(Action onZero) => _onZero = onZero;

    /// <summary>Work in flight now.</summary>
    public long Count => Volatile.Read(ref _value) & CountMask;

    /// <summary>How often work has begun (mod 2^32): changes whenever anything happens.</summary>
    public long Epoch => Volatile.Read(ref _value) >> 32;

    /// <summary>The raw value: count and epoch together, for "did anything happen" checks.</summary>
    public long Raw => Volatile.Read(ref _value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Begin() => Interlocked.Add(ref _value, EpochUnit + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void End()
    {
        if ((Interlocked.Decrement(ref _value) & CountMask) == 0) _onZero();
    }

    /// <summary>Ends work without the zero callback (the caller is the one acting on quiescence).</summary>
    public void EndQuietly() => Interlocked.Decrement(ref _value);

    /// <summary>
    /// The mover of time, holding one unit of its own, claims the right to move time if nothing else
    /// is in flight. Interlocked on both sides: either the mover sees a run's unit and backs off, or the
    /// run, counted after the claim, sees the claim in <see cref="WaitWhileTimeMoves"/> and waits.
    /// </summary>
    public bool TryFreeze()
    {
        Interlocked.Exchange(ref _timeMoving, 1);
        if ((Interlocked.Read(ref _value) & CountMask) == 1) return true;
        Volatile.Write(ref _timeMoving, 0);
        return false;
    }

    /// <summary>Ends a claim of <see cref="TryFreeze"/>.</summary>
    public void Thaw() => Volatile.Write(ref _timeMoving, 0);

    /// <summary>Called before every counted run: waits the few instructions it takes to move time, if that is happening.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WaitWhileTimeMoves()
    {
        if (Volatile.Read(ref _timeMoving) == 0) return;
        var spin = default(SpinWait);
        while (Volatile.Read(ref _timeMoving) != 0) spin.SpinOnce();
    }
}
