using DmaActors.Actors.Transfers;
using DmaActors.Api;

namespace DmaActors.Actors.Devices;

// Presets after real parts. Each number says where it comes from; where parts differ the
// comment names the one followed.
public sealed partial record DeviceProfile
{
    /// <summary>UART at 115 200 baud (the console default).</summary>
    public static DeviceProfile Uart115200(DmaTransferDirection direction) => Uart(direction, 115_200);

    /// <summary>UART at 3 000 000 baud: a 48 MHz functional clock divided by 16 (AM335x UART's top rate with 16× oversampling; Bluetooth HCI links run here).</summary>
    public static DeviceProfile Uart3M(DmaTransferDirection direction) => Uart(direction, 3_000_000);

    /// <summary>
    /// A 16C750-style UART as on TI AM335x/OMAP (SPRUH73 ch. 19): 8N1 = 10 bit times a character,
    /// 64-byte TX and RX FIFOs, DMA trigger level 16 bytes (the TLR/FCR levels go in steps of 4 or
    /// 8; 16 is a burst of 16 single-byte beats), and on RX the character timeout of the 16550:
    /// a partial FIFO is drained after 4 character times without a new character.
    /// </summary>
    public static DeviceProfile Uart(DmaTransferDirection direction, long baud) => new DeviceProfile
    {
        Name = $"uart-{baud}-{Suffix(direction)}",
        Direction = direction,
        BitsPerSecond = baud,
        BitsPerFrame = 10,
        FifoDepth = 64,
        Watermark = 16,
        RxTimeoutFrames = direction == DmaTransferDirection.DevToMem ? 4 : 0,
    }.Validated();

    /// <summary>
    /// SPI master at 10 Mbit/s (a common rate for ADCs and NOR flash; AM335x McSPI runs up to
    /// 48 MHz), 8 bit times a byte. McSPI's 64-byte FIFO is split 32 + 32 when both directions use
    /// it (MCSPI_CHCONF FFER/FFEW), watermark 8 bytes (MCSPI_XFERLEVEL AEL/AFL). As master the
    /// controller stops SCLK when TX runs dry, so there are no TX underruns.
    /// </summary>
    public static DeviceProfile Spi(DmaTransferDirection direction, long bitsPerSecond = 10_000_000) => new DeviceProfile
    {
        Name = $"spi-{bitsPerSecond}-{Suffix(direction)}",
        Direction = direction,
        BitsPerSecond = bitsPerSecond,
        BitsPerFrame = 8,
        FifoDepth = 32,
        Watermark = 8,
    }.Validated();

    /// <summary>
    /// SD/MMC host in High Speed mode: 50 MHz on a 4-bit bus = 200 Mbit/s = 25 MB/s. 512-byte
    /// blocks with the device as flow controller (the request ending a block is <c>last</c>), a
    /// 512-byte FIFO (Synopsys DW MMC with <c>fifo-depth = &lt;0x80&gt;</c> 32-bit words),
    /// watermark 64 bytes = 16 beats of 4 bytes (the PL330's largest burst). A full RX FIFO stops
    /// the card clock instead of losing data.
    /// </summary>
    public static DeviceProfile Mmc(DmaTransferDirection direction) => new DeviceProfile
    {
        Name = $"mmc-hs-{Suffix(direction)}",
        Direction = direction,
        BitsPerSecond = 200_000_000,
        BitsPerFrame = 8,
        FifoDepth = 512,
        Watermark = 64,
        BeatBytes = 4,
        BlockBytes = 512,
        Backpressure = true,
    }.Validated();

    /// <summary>
    /// I2S audio, 48 kHz stereo 16-bit: a sample frame is 4 bytes in 32 bit clocks (BCLK = 32 fs
    /// = 1.536 MHz). FIFO 32 frames = 128 bytes, watermark 8 frames = 32 bytes, 4-byte beats (DW
    /// I2S and McASP AFIFO sit in this range). The codec's clocks never stop: each frame slot with
    /// no sample in the FIFO plays silence and counts an underrun. Used with a cyclic descriptor.
    /// </summary>
    public static DeviceProfile I2s(DmaTransferDirection direction) => new DeviceProfile
    {
        Name = $"i2s-48k-s16-stereo-{Suffix(direction)}",
        Direction = direction,
        BitsPerSecond = 48_000 * 32,
        BitsPerFrame = 32,
        FrameBytes = 4,
        FifoDepth = 128,
        Watermark = 32,
        BeatBytes = 4,
        ContinuousClock = true,
    }.Validated();

    private static string Suffix(DmaTransferDirection direction) => direction == DmaTransferDirection.DevToMem ? "rx" : "tx";
}
