using Akka.Actor;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Tracing;

/// <summary>
/// Keeps every <see cref="IHardwareEvent"/> message as it is received, stamped with the world's
/// clock: DRQ edges, grants and bursts, descriptor starts and ends, faults. Install it as the
/// world's <see cref="SimulatedWorld.Tracer"/>; waveform and timeline writers read <see cref="Records"/>.
/// </summary>
/// <remarks>Receives are reported on many threads at once under the thread pool, hence the lock.</remarks>
public sealed class HardwareTracer(IClock clock) : IMessageTracer
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
    public void OnReceive(IActorRef recipient, object message, IActorRef sender)
    {
        if (message is not IHardwareEvent hardware) return;
        ArgumentNullException.ThrowIfNull(recipient);
        var record = new HardwareTraceRecord(clock.NowNanoseconds, recipient.Path.ToStringWithoutAddress(), hardware);
        lock (_gate) _records.Add(record);
    }
}
