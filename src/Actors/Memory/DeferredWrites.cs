namespace DmaActors.Actors.Memory;

/// <summary>
/// The <see cref="DeferredTransfer"/>s pending on one memory. The memory calls
/// <see cref="CatchUp"/> before every access, so nothing can observe a byte a due burst has not
/// written yet; with none pending that costs one volatile read.
/// </summary>
/// <remarks>
/// One lock orders catch-ups, registrations and settlements across threads. Performing a transfer
/// goes through the memory again; a thread-local flag keeps that from catching up recursively.
/// </remarks>
public sealed class DeferredWrites
{
    [ThreadStatic]
    private static bool t_performing;

    private readonly Lock _gate = new();
    private readonly List<DeferredTransfer> _pending = [];
    private int _count;

    /// <summary>How many transfers are pending.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Registers a transfer; its bursts are performed as they fall due.</summary>
    public void Add(DeferredTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        lock (_gate)
        {
            _pending.Add(transfer);
            Volatile.Write(ref _count, _pending.Count);
        }
    }

    /// <summary>Performs the first <paramref name="bursts"/> bursts of <paramref name="transfer"/> (those not done yet) and forgets it; returns its status.</summary>
    public BusStatus Settle(DeferredTransfer transfer, int bursts)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        lock (_gate)
        {
            bool outer = Enter();
            try
            {
                transfer.PerformTo(bursts);
            }
            finally
            {
                if (outer) t_performing = false;
            }
            _pending.Remove(transfer);
            Volatile.Write(ref _count, _pending.Count);
            return transfer.Status;
        }
    }

    /// <summary>Performs every pending transfer's bursts due by now.</summary>
    public void CatchUp()
    {
        if (Volatile.Read(ref _count) == 0 || t_performing) return;
        lock (_gate)
        {
            Enter();
            try
            {
                foreach (var transfer in _pending) transfer.CatchUp();
            }
            finally
            {
                t_performing = false;
            }
        }
    }

    /// <summary>Marks this thread as performing; true if it was not already (the caller then clears the mark).</summary>
    private static bool Enter()
    {
        bool outer = !t_performing;
        t_performing = true;
        return outer;
    }
}
