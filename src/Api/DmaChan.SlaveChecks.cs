using DmaActors.Actors.Transfers;

namespace DmaActors.Api;

// The checks of a slave descriptor against the peripheral on its line (docs/CONTRACT-ADDITIONS.md):
// the device address the driver configured travels with the descriptor and is checked by the
// controller when it starts (DA-1, DA-2); the burst is checked against the peripheral's watermark
// at prep, reported to the engine's dma-debug once per configuration, direction and line (DA-3).
public sealed partial class DmaChan
{
    /// <summary>The (configuration, direction, line) last checked against a watermark, so one configuration is reported once, not per descriptor.</summary>
    private object? _watermarkChecked;

    /// <summary>DA-3: <c>maxburst × addr_width</c> must be the watermark of the peripheral on <paramref name="line"/>.</summary>
    private void CheckWatermark(DmaTransferDirection dir, int line, int width, int maxburst)
    {
        if (Device.Engine.DmaDebug is not { } debug || Device.FifoOn(line) is not { Watermark: > 0 } fifo) return;
        var key = (Config, dir, line);
        if (Equals(Volatile.Read(ref _watermarkChecked), key)) return;
        Volatile.Write(ref _watermarkChecked, key);
        int burst = width * maxburst;
        if (burst == fifo.Watermark) return;
        bool fromDevice = dir == DmaTransferDirection.DevToMem;
        string side = fromDevice ? "src" : "dst";
        string hazard = burst > fifo.Watermark
            ? fromDevice
                ? "each burst reads more than the FIFO holds when it asks: the FIFO underruns"
                : "each burst writes more than the FIFO has room for when it asks: the FIFO overruns"
            : fromDevice
                ? $"each burst leaves {fifo.Watermark - burst} bytes in the FIFO, which then waits for more data or a timeout"
                : $"each burst fills {burst} of the {fifo.Watermark} bytes the FIFO asked for";
        debug.SlaveBurstMismatch(SlaveDevice ?? Name,
            $"device driver configures DMA bursts that do not match the peripheral FIFO watermark [channel={Name}] [direction={(fromDevice ? "DMA_DEV_TO_MEM" : "DMA_MEM_TO_DEV")}] [request line={line}] " +
            $"[{side}_maxburst={maxburst}] [{side}_addr_width={width}] [burst={burst} bytes] [watermark={fifo.Watermark} bytes]: {hazard}");
    }

    /// <summary>A slave spec with the configured device-side address (<c>src_addr</c> for DEV_TO_MEM, <c>dst_addr</c> for MEM_TO_DEV); others unchanged.</summary>
    private TransferSpec WithDeviceAddress(TransferSpec spec)
    {
        if (!spec.IsSlave || Config is not { } config) return spec;
        return spec with { DeviceAddress = spec.Direction == DmaTransferDirection.DevToMem ? config.SrcAddr : config.DstAddr };
    }
}
