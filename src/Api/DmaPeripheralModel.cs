namespace DmaActors.Api;

/// <summary>Which simulated peripheral <see cref="DmaPeripheral.Attach"/> wires to a request line (its FIFO, watermark and wire rate; no kernel twin: board wiring).</summary>
public enum DmaPeripheralModel
{
    /// <summary>An 8250/OMAP UART at 115200 baud, 8N1: 64-byte FIFO, DMA watermark 16, 1-byte registers.</summary>
    Uart115200,

    /// <summary>The same UART at 3 Mbaud.</summary>
    Uart3M,

    /// <summary>An SPI controller (omap2-mcspi-like) at 10 Mbit/s, 8-bit words: 32-byte FIFO, watermark 8.</summary>
    Spi,

    /// <summary>An SD/MMC host at 200 Mbit/s: 512-byte FIFO, watermark 64, 4-byte registers, 512-byte blocks with the device as flow controller.</summary>
    Mmc,

    /// <summary>An I2S / McASP audio port: 48 kHz stereo 16-bit frames (4 bytes), 128-byte FIFO, watermark 32, 4-byte registers.</summary>
    I2s,
}
