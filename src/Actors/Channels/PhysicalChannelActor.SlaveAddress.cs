using DmaActors.Api;
using Akka.Event;
using DmaActors.Actors.Transfers;

namespace DmaActors.Actors.Channels;

// The device side of a slave descriptor is a bus address: the peripheral's FIFO register, which
// the driver gave as dma_slave_config.src_addr (DEV_TO_MEM) or dst_addr (MEM_TO_DEV). When the
// line is bound the arbiter says where the wired peripheral's FIFO is; a descriptor naming any
// other address (0 included: the driver never set it) moves nothing and fails with the bus error
// of its device-side access (DA-1, DA-2 in docs/CONTRACT-ADDITIONS.md).
public sealed partial class PhysicalChannelActor
{
    private ILoggingAdapter? _log;

    private ILoggingAdapter Log => _log ??= Context.GetLogger();

    /// <summary>Fails the running descriptor if its device address is not the FIFO of the peripheral on its line.</summary>
    private void CheckDeviceAddress(LineBound bound)
    {
        var run = _run!;
        if (bound.FifoAddress is not { } fifo || run.Spec.DeviceAddress is not { } given || given == fifo) return;
        bool fromDevice = run.Spec.Direction == DmaTransferDirection.DevToMem;
        _failure = fromDevice ? DmaengineTxResult.ReadFailed : DmaengineTxResult.WriteFailed;
        Log.Error(SlaveAddressMismatch(run, bound.Line, fifo, given, fromDevice));
        RequestNext();
    }

    /// <summary>The report of a device address that is not the peripheral's FIFO register.</summary>
    internal static string SlaveAddressMismatch(DescriptorRun run, int line, ulong fifo, ulong given, bool fromDevice)
    {
        string field = fromDevice ? "src_addr" : "dst_addr";
        string rule = given == 0 ? "DA-2" : "DA-1";
        string why = given == 0
            ? $"{field} was never set (0): the controller {(fromDevice ? "reads" : "writes")} bus address 0, not the peripheral"
            : $"the controller {(fromDevice ? "reads" : "writes")} 0x{given:x8}, which is not the peripheral's FIFO register";
        return $"desc{run.DescriptorId} (cookie {run.Cookie}) {(fromDevice ? "DEV_TO_MEM" : "MEM_TO_DEV")} on request line {line}: dma_slave_config.{field} is 0x{given:x8}, " +
            $"expected the FIFO register 0x{fifo:x8}; {why}, so the descriptor ends with {(fromDevice ? "DMA_TRANS_READ_FAILED" : "DMA_TRANS_WRITE_FAILED")} and moves nothing ({rule})";
    }
}
