using DmaActors.Runtime;
using DmaActors.Runtime.Events;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Tracing;

/// <summary>
/// Keeps every <see cref="IHardwareEvent"/> message as it is received, stamped with the system's
/// clock: DRQ edges, grants and bursts, descriptor starts and ends, faults. Install it as the
/// system's <see cref="ActorSystem.Tracer"/>; waveform and timeline writers read <see cref="Records"/>.
/// </summary>
/// <remarks>Receives are reported on many threads at once under the thread pool, hence the lock.</remarks>
public sealed class HardwareTracer(IClock clock) : IActorTracer
{
    private readonly Lock _gate = new();
    private readonly List<HardwareTraceRecord> _records = [];

    /// <summary>The events so far, in the order they were received.</summary>
    public IReadOnlyList<HardwareTraceRecord> Records
    {
        get
        {
            lock (_gate) return [.. _records];
        }
    }

    /// <inheritdoc/>
    public void OnReceive(IActorRef recipient, object message, IActorRef? sender)
    {
        if (message is not IHardwareEvent hardware) return;
        var record = new HardwareTraceRecord(clock.NowNanoseconds, recipient.Path, hardware);
        lock (_gate) _records.Add(record);
    }

    /// <inheritdoc/>
    public void OnSend(IActorRef? sender, IActorRef recipient, object message)
    {
    }

    /// <inheritdoc/>
    public void OnTimer(IActorRef owner, object key, object message)
    {
    }
}
