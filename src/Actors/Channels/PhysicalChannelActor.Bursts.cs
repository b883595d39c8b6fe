using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;

namespace DmaActors.Actors.Channels;

// Moving one granted burst's data: memory to memory within one segment, or between memory and a
// device FIFO across as many segments as the request covers. A bus error fails the whole burst
// (nothing moves) and ends the descriptor with the kernel's result code.
public sealed partial class PhysicalChannelActor
{
    private bool _preempt;
    private DrqAcknowledged? _lastAcknowledgement;

    private void MoveBurst(int grantedBytes)
    {
        var run = _run!;
        switch (run.Spec.Direction)
        {
            case DmaTransferDirection.MemToMem:
                MoveMemoryBurst(run, grantedBytes);
                break;
            case DmaTransferDirection.MemToDev:
                MoveToDevice(run);
                break;
            case DmaTransferDirection.DevToMem:
                MoveFromDevice(run);
                break;
            default:
                _failure = DmaengineTxResult.Aborted;
                break;
        }
    }

    private void MoveMemoryBurst(DescriptorRun run, int grantedBytes)
    {
        var segment = run.CurrentSegment;
        int n = Math.Min(grantedBytes, segment.Length - run.SegmentOffset);
        ulong destination = segment.Destination + (ulong)run.SegmentOffset;
        BusStatus status;
        if (run.Spec.Kind == TransferKind.Memset)
        {
            status = Fault(destination, n, write: true);
            if (status == BusStatus.Ok) status = _memory.Fill(destination, (byte)segment.Source, n);
        }
        else
        {
            ulong source = segment.Source + (ulong)run.SegmentOffset;
            status = Fault(source, n, write: false);
            if (status == BusStatus.Ok) status = Fault(destination, n, write: true);
            if (status == BusStatus.Ok) status = _memory.Copy(source, destination, n);
        }
        if (Failed(status)) return;
        if (run.Advance(n)) _owner!.Tell(new PeriodElapsed(run.DescriptorId));
    }

    private void MoveToDevice(DescriptorRun run)
    {
        var (request, device) = _requests.Dequeue();
        int n = (int)Math.Min(request.Bytes, run.Spec.Cyclic ? request.Bytes : run.RemainingInPass);
        // A fresh array per delivery: a receiver may keep the message, so bytes in flight are never re-used.
        var data = new byte[n];
        int done = 0;
        var periods = 0;
        // Read the pieces first: a fault anywhere fails the burst before anything is committed.
        var position = (run.SegmentIndex, run.SegmentOffset);
        while (done < n)
        {
            var segment = run.Spec.Segments[position.SegmentIndex];
            int piece = Math.Min(n - done, segment.Length - position.SegmentOffset);
            ulong address = segment.Source + (ulong)position.SegmentOffset;
            var status = Fault(address, piece, write: false);
            if (status == BusStatus.Ok) status = _memory.Read(address, data.AsSpan(done, piece));
            if (Failed(status))
            {
                device.Tell(Acknowledgement(request, consumed: null), Self);
                return;
            }
            done += piece;
            position = NextPosition(run, position, piece);
        }
        for (int moved = 0; moved < n;)
        {
            int piece = Math.Min(n - moved, run.CurrentSegment.Length - run.SegmentOffset);
            if (run.Advance(piece)) periods++;
            moved += piece;
        }
        device.Tell(new FifoData(request.Line, data), Self);
        device.Tell(Acknowledgement(request, consumed: null), Self);
        _deviceEnded = request.Last && run.Spec.FlowController == FlowController.Device;
        for (int i = 0; i < periods; i++) _owner!.Tell(new PeriodElapsed(run.DescriptorId));
    }

    private void MoveFromDevice(DescriptorRun run)
    {
        var (request, device) = _requests.Dequeue();
        var data = request.Data ?? [];
        int n = (int)Math.Min(data.Length, run.Spec.Cyclic ? data.Length : run.RemainingInPass);
        int periods = 0;
        int done = 0;
        while (done < n)
        {
            var segment = run.CurrentSegment;
            int piece = Math.Min(n - done, segment.Length - run.SegmentOffset);
            ulong address = segment.Destination + (ulong)run.SegmentOffset;
            // Every write honours its status: outside RAM, or an IOMMU miss, fails the descriptor (WriteFailed).
            var status = Fault(address, piece, write: true);
            if (status == BusStatus.Ok) status = _memory.Write(address, data.AsSpan(done, piece));
            if (Failed(status)) break;
            if (run.Advance(piece)) periods++;
            done += piece;
        }
        // What was written is consumed; the device keeps the rest (after a failure, or beyond the descriptor's end).
        device.Tell(Acknowledgement(request, consumed: done), Self);
        if (_failure == DmaengineTxResult.NoError) _deviceEnded = request.Last && run.Spec.FlowController == FlowController.Device;
        for (int i = 0; i < periods; i++) _owner!.Tell(new PeriodElapsed(run.DescriptorId));
    }

    /// <summary>The acknowledgement of <paramref name="request"/>, re-used while line, kind and count stay the same (no allocation per DRQ).</summary>
    private DrqAcknowledged Acknowledgement(DrqRaised request, int? consumed)
    {
        if (_lastAcknowledgement is { } last && last.Line == request.Line && last.Kind == request.Kind && last.ConsumedBytes == consumed) return last;
        return _lastAcknowledgement = new DrqAcknowledged(request.Line, request.Kind) { ConsumedBytes = consumed };
    }

    private static (int SegmentIndex, int SegmentOffset) NextPosition(DescriptorRun run, (int SegmentIndex, int SegmentOffset) position, int piece)
    {
        int offset = position.SegmentOffset + piece;
        if (offset < run.Spec.Segments[position.SegmentIndex].Length) return (position.SegmentIndex, offset);
        int next = position.SegmentIndex + 1;
        return (run.Spec.Cyclic && next == run.Spec.Segments.Count ? 0 : next, 0);
    }

    private BusStatus Fault(ulong address, long length, bool write) =>
        _faults?.Check(address, length, write) ?? BusStatus.Ok;

    /// <summary>Records a failed access as the descriptor's result; true if it failed.</summary>
    private bool Failed(BusStatus status)
    {
        if (status == BusStatus.Ok) return false;
        _failure = status == BusStatus.ReadError ? DmaengineTxResult.ReadFailed : DmaengineTxResult.WriteFailed;
        return true;
    }

    private void OnPreempt()
    {
        if (_run is null || _finishing) return;
        _preempt = true;
        if (!_requested && _deferred is null) return; // a burst is being set up: hand back after it
        Withdraw();
        // Stopping a train may have moved the last of the data: then the descriptor is finishing.
        if (!_finishing) HandBack();
    }

    private void HandBack()
    {
        var run = _run!;
        Release();
        _owner!.Tell(new TransferPreempted(run));
    }
}
