using DmaActors.Actors.Bus;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Memory;

/// <summary>
/// The data of a coalesced burst train (a memcpy or memset over one segment), performed lazily:
/// burst <c>i</c> is due at its grant time in the train's schedule. Whoever looks at the memory
/// first (another access through <see cref="DeferredWrites"/>, or the channel settling the train)
/// performs every burst due by then, so memory always shows exactly the bursts granted so far,
/// as it would under per-burst arbitration.
/// </summary>
/// <param name="memory">The memory the channel moves data through.</param>
/// <param name="schedule">The train.</param>
/// <param name="clock">The system's clock (virtual), which says which bursts are due.</param>
/// <param name="source">Bus address of the first burst's source (ignored for a fill).</param>
/// <param name="destination">Bus address of the first burst's destination.</param>
/// <param name="fill">The fill byte for a memset; null for a copy.</param>
public sealed class DeferredTransfer(IDmaMemory memory, BurstTrain schedule, IClock clock, ulong source, ulong destination, byte? fill)
{
    private int _performed;
    private BusStatus _status = BusStatus.Ok;

    /// <summary>The train this transfer belongs to.</summary>
    public BurstTrain Schedule { get; } = schedule;

    /// <summary>Bursts performed so far.</summary>
    public int Performed => _performed;

    /// <summary>The first failed access's status, or Ok.</summary>
    public BusStatus Status => _status;

    /// <summary>Performs the bursts due now (called under the owning <see cref="DeferredWrites"/>' lock).</summary>
    internal void CatchUp() => PerformTo(Schedule.StartedBy(clock));

    /// <summary>Performs bursts up to (not including) <paramref name="bursts"/>; stops at the first bus error.</summary>
    internal void PerformTo(int bursts)
    {
        if (bursts <= _performed || _status != BusStatus.Ok) return;
        long offset = (long)_performed * Schedule.BurstBytes;
        long length = (long)(bursts - _performed) * Schedule.BurstBytes;
        _status = fill is { } value
            ? memory.Fill(destination + (ulong)offset, value, length)
            : memory.Copy(source + (ulong)offset, destination + (ulong)offset, length);
        if (_status == BusStatus.Ok) _performed = bursts;
    }
}
