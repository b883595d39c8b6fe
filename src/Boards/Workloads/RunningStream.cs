using DmaActors.Actors.Devices;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Boards;

namespace DmaActors.Boards.Workloads;

/// <summary>
/// One stream while it runs: a small driver loop on its channel. Each completion callback (on the
/// channel's completion actor) records the latency, checks the data, and submits the next
/// transfer, as a kernel driver's callback would (C-36).
/// </summary>
/// <remarks>Callbacks of different streams run concurrently on the thread pool: the counters sit behind a lock.</remarks>
internal sealed class RunningStream
{
    private readonly Lock _gate = new();
    private readonly LatencyHistogram _latencies = new();
    private readonly PhysicalMemory _memory;
    private readonly Func<long> _now;
    private long _submitted;
    private volatile bool _stopping;

    public RunningStream(WorkloadStream spec, DmaChan chan, BoardController controller, BoardPeripheral? peripheral, ulong buffer, PhysicalMemory memory, Func<long> now)
    {
        Spec = spec;
        Chan = chan;
        Controller = controller;
        Peripheral = peripheral;
        Buffer = buffer;
        _memory = memory;
        _now = now;
    }

    public WorkloadStream Spec { get; }

    public DmaChan Chan { get; }

    public BoardController Controller { get; }

    public BoardPeripheral? Peripheral { get; }

    /// <summary>Base of the stream's buffers (memcpy: destinations; the source follows them).</summary>
    public ulong Buffer { get; }

    public ulong MemcpySource => Buffer + (ulong)(Spec.QueueDepth * Spec.Bytes);

    public long Bytes { get; private set; }

    /// <summary>Bytes moved before the measured window began (while transmit FIFOs were primed).</summary>
    public long BytesBeforeWindow { get; private set; }

    public long Transfers { get; private set; }

    public long Errors { get; private set; }

    public long Mismatches { get; private set; }

    /// <summary>The latency of nearest rank for <paramref name="fraction"/> (0.5: median; 1: the worst), in nanoseconds; 0 before any completion.</summary>
    public long LatencyNanoseconds(double fraction)
    {
        lock (_gate) return fraction >= 1 ? _latencies.MaxNanoseconds : _latencies.Percentile(fraction);
    }

    private DataPattern Pattern => Peripheral?.Pattern ?? new DataPattern(0xC0FFEE);

    private bool Transmits => Peripheral?.Direction == DmaTransferDirection.MemToDev;

    public void Start()
    {
        if (Spec.Kind == StreamKind.Memcpy) _memory.Write(MemcpySource, Pattern.Bytes(0, Spec.Bytes));
        if (Spec.Kind == StreamKind.Cyclic)
        {
            StartCyclic();
            return;
        }
        for (int i = 0; i < Spec.QueueDepth; i++) SubmitNext();
    }

    public void Stop() => _stopping = true;

    /// <summary>Starts the measured window: bandwidth counts bytes from here on.</summary>
    public void MarkWindowStart()
    {
        lock (_gate) BytesBeforeWindow = Bytes;
    }

    private void SubmitNext()
    {
        long sequence;
        lock (_gate)
        {
            if (_stopping || (Spec.Count > 0 && _submitted >= Spec.Count)) return;
            sequence = _submitted++;
        }
        ulong slot = Buffer + (ulong)(sequence % Spec.QueueDepth * Spec.Bytes);
        var descriptor = Spec.Kind == StreamKind.Memcpy
            ? Chan.PrepDmaMemcpy(slot, MemcpySource, Spec.Bytes, DmaCtrlFlags.PrepInterrupt)
            : PrepSlave(slot, sequence);
        if (descriptor is null)
        {
            lock (_gate) Errors++;
            return;
        }
        long submittedAt = _now();
        descriptor.CallbackResult = (_, result) => Completed(sequence, slot, submittedAt, result);
        descriptor.Submit();
        Chan.IssuePending();
    }

    private DmaAsyncTxDescriptor? PrepSlave(ulong slot, long sequence)
    {
        // A transmitting driver writes the next chunk of its stream into the buffer first.
        if (Transmits) _memory.Write(slot, Pattern.Bytes(sequence * Spec.Bytes, Spec.Bytes));
        var direction = Transmits ? DmaTransferDirection.MemToDev : DmaTransferDirection.DevToMem;
        return Chan.PrepSlaveSingle(slot, Spec.Bytes, direction, DmaCtrlFlags.PrepInterrupt);
    }

    private void Completed(long sequence, ulong slot, long submittedAt, DmaengineResult result)
    {
        long mismatches = result.Result == DmaengineTxResult.NoError ? Verify(slot, sequence * Spec.Bytes, Spec.Bytes) : 0;
        lock (_gate)
        {
            _latencies.Record(_now() - submittedAt);
            if (result.Result != DmaengineTxResult.NoError)
            {
                Errors++;
            }
            else
            {
                Bytes += Spec.Bytes;
                Transfers++;
                Mismatches += mismatches;
            }
        }
        SubmitNext();
    }

    /// <summary>Received bytes must be the device's stream; copied bytes the source's.</summary>
    private long Verify(ulong address, long streamOffset, int length)
    {
        if (Transmits) return 0; // the device checks what reaches its wire
        var landed = new byte[length];
        _memory.Read(address, landed);
        var expected = Spec.Kind == StreamKind.Memcpy ? Pattern.Bytes(0, length) : Pattern.Bytes(streamOffset, length);
        long wrong = 0;
        for (int i = 0; i < length; i++) wrong += landed[i] != expected[i] ? 1 : 0;
        return wrong;
    }

    private void StartCyclic()
    {
        int periods = Spec.Bytes / Spec.PeriodBytes;
        if (Transmits) _memory.Write(Buffer, Pattern.Bytes(0, Spec.Bytes));
        var direction = Transmits ? DmaTransferDirection.MemToDev : DmaTransferDirection.DevToMem;
        var descriptor = Chan.PrepDmaCyclic(Buffer, Spec.Bytes, Spec.PeriodBytes, direction, DmaCtrlFlags.PrepInterrupt);
        if (descriptor is null)
        {
            lock (_gate) Errors++;
            return;
        }
        long lastPeriodAt = _now();
        descriptor.Callback = _ =>
        {
            long period;
            lock (_gate)
            {
                period = Transfers++;
                Bytes += Spec.PeriodBytes;
                long now = _now();
                _latencies.Record(now - lastPeriodAt);
                lastPeriodAt = now;
            }
            ulong slot = Buffer + (ulong)(period % periods * Spec.PeriodBytes);
            if (Transmits)
            {
                // Refill the period just played with the data of its next lap, as ALSA's writer does.
                _memory.Write(slot, Pattern.Bytes((period + periods) * Spec.PeriodBytes, Spec.PeriodBytes));
            }
            else
            {
                long wrong = Verify(slot, period * Spec.PeriodBytes, Spec.PeriodBytes);
                lock (_gate) Mismatches += wrong;
            }
        };
        descriptor.Submit();
        Chan.IssuePending();
    }
}
