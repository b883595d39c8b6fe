using Akka.Actor;
using DmaActors.Api;
using DmaActors.Api.Provider;
using DmaActors.Mapping;

namespace DmaActors.Examples.SpiFullDuplex;

/// <summary>
/// A dmaengine consumer: an SPI master driver (after spi-omap2-mcspi.c and spi-pl022.c) moving
/// one full-duplex transaction, MOSI from a TX buffer and MISO into an RX buffer, on two slave
/// channels. <see cref="Run"/> first plays the board file (RAM, a PL330-like controller, the SPI
/// FIFOs wired to two request lines), then the driver's probe, transfer_one and remove. It uses
/// the façade (<c>DmaActors.Api</c>) and DMA mapping (<c>DmaActors.Mapping</c>) only.
/// </summary>
public static class SpiFullDuplexDriver
{
    private const string SpiDev = "48030000.spi";      // dev_name() of the SPI controller
    private const int TxLine = 16, RxLine = 17;        // its DRQ lines ("dmas" cells in a DT)
    private const ulong SpiTxReg = 0x4803_0138, SpiRxReg = 0x4803_013C; // MCSPI_TX0 / MCSPI_RX0

    /// <summary>Runs one transaction of <paramref name="length"/> bytes (a multiple of 8, the FIFO watermark) on <paramref name="system"/>.</summary>
    public static SpiTransferResult Run(ActorSystem system, int length = 256)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        // ---- Board file: memory, the DMA controller's driver registering it, the SPI block. ----
        var platform = Platform.Create(megabytes: 16);           // RAM, page allocator, CPU cache
        var dmaDevice = new Device(platform, "dma-pl330");       // the controller's struct device
        var engine = new DmaEngine(system, platform.Memory);
        // The dma_slave_map (struct dma_slave_map) rows a board without a device tree supplies:
        // consumer "48030000.spi" asks for "tx" and "rx"; the param is the request line.
        var dma = engine.DmaAsyncDeviceRegister(new DmaDeviceDescription
        {
            Dev = "dma-pl330",
            CapMask = DmaCapMask.Slave | DmaCapMask.Memcpy,
            Directions = DmaDirections.MemToDev | DmaDirections.DevToMem,
            SrcAddrWidths = DmaBuswidths.Mask(DmaSlaveBuswidth.Bytes1, DmaSlaveBuswidth.Bytes4),
            DstAddrWidths = DmaBuswidths.Mask(DmaSlaveBuswidth.Bytes1, DmaSlaveBuswidth.Bytes4),
            MaxBurst = 16,
            ChannelCount = 4,
            PhysicalChannels = 2,
            FilterMap = [new DmaSlaveMap(SpiDev, "tx", TxLine), new DmaSlaveMap(SpiDev, "rx", RxLine)],
            BusView = dmaDevice.BusView,                          // the controller masters through its own mapping
        });
        // The SPI block's TX and RX FIFOs, simulated peripherals on the two request lines.
        // Each names the FIFO register the DMA must address: a descriptor aimed elsewhere fails (DA-1).
        var txFifo = DmaPeripheral.Attach(dma, TxLine, DmaPeripheralModel.Spi, DmaTransferDirection.MemToDev, SpiTxReg);
        var rxFifo = DmaPeripheral.Attach(dma, RxLine, DmaPeripheralModel.Spi, DmaTransferDirection.DevToMem, SpiRxReg);
        byte[] mosi = Bytes(length, 0x5A);   // what we send
        byte[] miso = Bytes(length, 0xA5);   // what the remote chip answers

        // ---- probe(): dma_request_chan(dev, "tx"/"rx"). Never NULL: it throws, and
        // -EPROBE_DEFER there means "the DMA controller has not probed yet, try again later". ----
        DmaChan tx = engine.RequestChan(SpiDev, "tx");
        DmaChan rx = engine.RequestChan(SpiDev, "rx");

        // dmaengine_slave_config(): the far end of each channel is a FIFO register, one byte
        // wide (8-bit words), and the FIFO asks in bursts of its watermark (MCSPI_XFERLEVEL
        // AEL/AFL = 8). maxburst counts words of addr_width, not bytes.
        int maxburst = txFifo.Watermark / (int)txFifo.RegisterWidth;
        tx.SlaveConfig(new DmaSlaveConfig { DstAddr = SpiTxReg, DstAddrWidth = txFifo.RegisterWidth, DstMaxburst = maxburst });
        rx.SlaveConfig(new DmaSlaveConfig { SrcAddr = SpiRxReg, SrcAddrWidth = rxFifo.RegisterWidth, SrcMaxburst = maxburst });

        // ---- transfer_one(): kmalloc'ed buffers, mapped for the DMA controller's device (C-21). ----
        var txBuf = platform.Kmalloc(length) ?? throw new InvalidOperationException("-ENOMEM");
        var rxBuf = platform.Kmalloc(length) ?? throw new InvalidOperationException("-ENOMEM");
        platform.CpuWrite(txBuf, mosi);
        DmaAddress txDma = dmaDevice.MapSingle(txBuf, length, DmaDataDirection.ToDevice);
        DmaAddress rxDma = dmaDevice.MapSingle(rxBuf, length, DmaDataDirection.FromDevice);
        if (dmaDevice.MappingError(txDma) || dmaDevice.MappingError(rxDma))
            throw new InvalidOperationException("dma_map_single() failed: fall back to PIO");

        // dmaengine_prep_slave_single(): one descriptor per direction. DMA_PREP_INTERRUPT asks
        // for a completion callback; DMA_CTRL_ACK lets the driver forget the descriptor after
        // submit. NULL means the controller cannot do it: fall back to PIO.
        var txDesc = tx.PrepSlaveSingle(txDma, length, DmaTransferDirection.MemToDev, DmaCtrlFlags.PrepInterrupt | DmaCtrlFlags.CtrlAck)
            ?? throw new InvalidOperationException("tx: no device_prep_slave_sg, use PIO");
        var rxDesc = rx.PrepSlaveSingle(rxDma, length, DmaTransferDirection.DevToMem, DmaCtrlFlags.PrepInterrupt | DmaCtrlFlags.CtrlAck)
            ?? throw new InvalidOperationException("rx: no device_prep_slave_sg, use PIO");

        // callback_result (not callback): it also hands over the dmaengine_result, so a read or
        // write failure reaches the driver. Callbacks run in the completion context (the
        // kernel's tasklet), never on this thread: the counter is the driver's struct completion.
        int completions = 0;
        DmaengineResult txResult = default, rxResult = default;
        txDesc.CallbackResult = (_, result) => { txResult = result; Interlocked.Increment(ref completions); };
        rxDesc.CallbackResult = (_, result) => { rxResult = result; Interlocked.Increment(ref completions); };

        // dmaengine_submit(): queues the descriptor and returns its cookie; nothing moves yet.
        // RX first, as the mainline SPI drivers do: a received byte must find its descriptor.
        int rxCookie = rxDesc.Submit();
        int txCookie = txDesc.Submit();

        // dma_async_issue_pending(): now the controller may start each channel's queue.
        rx.IssuePending();
        tx.IssuePending();

        // Enable the SPI channel (MCSPI_CHCTRL.EN): SCLK runs, and every byte shifted out on
        // MOSI shifts one in on MISO: the remote's answer is on the RX wire from the same instant.
        txFifo.Start();
        rxFifo.Feed(miso);

        // wait_for_completion_timeout(): both callbacks, within a second (virtual time here).
        if (!engine.RunUntil(() => Volatile.Read(ref completions) == 2, TimeSpan.FromSeconds(1)))
        {
            // On a timeout the kernel driver terminates both channels before touching the buffers.
            rx.TerminateSync();
            tx.TerminateSync();
            throw new TimeoutException($"SPI DMA timed out: tx {tx.TxStatus(txCookie)}, rx {rx.TxStatus(rxCookie)}.");
        }

        // dmaengine_tx_status() agrees: both cookies are DMA_COMPLETE, nothing left (residue 0).
        if (tx.TxStatus(txCookie) != DmaStatus.Complete || rx.TxStatus(rxCookie, out var rxState) != DmaStatus.Complete || rxState.Residue != 0)
            throw new InvalidOperationException("A completed descriptor does not report DMA_COMPLETE.");

        // The TX DMA ends when the last byte enters the FIFO, not when it leaves the shifter; the
        // driver waits for end of transfer (MCSPI_CHSTAT.EOT) before deasserting chip select.
        engine.Advance(TimeSpan.FromMicroseconds(100));
        byte[] onMosi = txFifo.ReadWire();
        long txWireBytes = txFifo.Counters.WireBytes;

        // dma_unmap_single(): the CPU owns the buffers again and reads what came in on MISO.
        dmaDevice.UnmapSingle(txDma, length, DmaDataDirection.ToDevice);
        dmaDevice.UnmapSingle(rxDma, length, DmaDataDirection.FromDevice);
        var received = platform.CpuRead(rxBuf, length);
        int verified = 0;
        while (verified < length && received[verified] == miso[verified]) verified++;
        long mismatches = Math.Abs(onMosi.Length - length) + onMosi.Zip(mosi).Count(p => p.First != p.Second);

        // ---- remove(): dma_release_channel() synchronizes, so no callback runs after it. ----
        var result = new SpiTransferResult(length, verified, txWireBytes, mismatches, txResult, rxResult, tx.Name, rx.Name);
        engine.ReleaseChannel(rx);
        engine.ReleaseChannel(tx);
        platform.Kfree(rxBuf);
        platform.Kfree(txBuf);
        return result;
    }

    /// <summary>A test pattern: byte i is a function of i and the seed, so a lost or repeated byte shows.</summary>
    private static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 37) ^ seed ^ (i >> 8)))];
}
