using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.DeviceTree;

namespace DmaActors.Boards;

/// <summary>
/// Simulated peripherals by the consumer node's <c>compatible</c>: UART, SPI, MMC and I2S as on
/// TI AM335x and common parts, and other vendors' blocks with their own FIFO depth and DMA
/// watermark (each number says which driver or datasheet it comes from).
/// </summary>
public static class PeripheralProfiles
{
    /// <summary>What kind of peripheral a profile models: it decides a board's natural stream.</summary>
    public enum Kind
    {
        /// <summary>A UART: a receive loop.</summary>
        Uart,

        /// <summary>An SPI controller: full duplex.</summary>
        Spi,

        /// <summary>An SD/MMC host: block reads.</summary>
        Mmc,

        /// <summary>I2S / McASP audio: cyclic playback.</summary>
        Audio,
    }

    private static readonly (string[] Compatibles, Kind Kind, Func<DtTree?, DtNode, DmaTransferDirection, DeviceProfile> Make)[] Table =
    [
        (["ti,am3352-uart", "ti,omap3-uart", "ti,omap4-uart", "ns16550a", "snps,dw-apb-uart", "arm,pl011"], Kind.Uart, (_, _, d) => DeviceProfile.Uart115200(d)),
        (["samsung,exynos4210-uart"], Kind.Uart, SamsungUart),
        (["fsl,imx21-uart", "fsl,imx6q-uart"], Kind.Uart, (_, _, d) => ImxUart(d)),
        (["ti,omap4-mcspi", "ti,omap2-mcspi", "arm,pl022", "snps,dw-apb-ssi"], Kind.Spi, (_, _, d) => DeviceProfile.Spi(d)),
        (["fsl,imx51-ecspi", "fsl,imx6ul-ecspi"], Kind.Spi, (_, _, d) => ImxEcspi(d)),
        (["ti,omap4-hsmmc", "ti,am335-sdhci", "arm,pl18x", "mmc-spi-slot"], Kind.Mmc, (_, _, d) => DeviceProfile.Mmc(d)),
        (["brcm,bcm2835-sdhost"], Kind.Mmc, (_, _, d) => Bcm2835Sdhost(d)),
        (["ti,am33xx-mcasp-audio", "ti,omap4-mcasp-audio", "ti,dm646x-mcasp-audio", "i2s"], Kind.Audio, (_, _, d) => DeviceProfile.I2s(d)),
        (["brcm,bcm2835-i2s"], Kind.Audio, (_, _, d) => Bcm2835I2s(d)),
    ];

    /// <summary>Every compatible a peripheral model exists for.</summary>
    public static IEnumerable<string> Compatibles => Table.SelectMany(t => t.Compatibles);

    /// <summary>The peripheral model for <paramref name="node"/>'s channel <paramref name="channelName"/>, or null when its compatible is unknown.</summary>
    public static DeviceProfile? For(DtNode node, string channelName) => For(null, node, channelName);

    /// <summary>The peripheral model for <paramref name="node"/>'s channel <paramref name="channelName"/> in <paramref name="tree"/> (whose <c>/aliases</c> some parts read), or null when its compatible is unknown.</summary>
    public static DeviceProfile? For(DtTree? tree, DtNode node, string channelName)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Entry(node) is { } entry ? entry.Make(tree, node, DirectionOf(channelName)) : null;
    }

    /// <summary>The kind of peripheral <paramref name="node"/> is, or null when no model exists for its compatible.</summary>
    public static Kind? KindOf(DtNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Entry(node)?.Kind;
    }

    /// <summary>"tx…" is memory to device; anything else ("rx…", "rx-tx") device to memory.</summary>
    public static DmaTransferDirection DirectionOf(string channelName)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        return channelName.StartsWith("tx", StringComparison.OrdinalIgnoreCase) ? DmaTransferDirection.MemToDev : DmaTransferDirection.DevToMem;
    }

    private static (string[] Compatibles, Kind Kind, Func<DtTree?, DtNode, DmaTransferDirection, DeviceProfile> Make)? Entry(DtNode node)
    {
        var compatibles = node.Property("compatible") is { IsEmpty: false } c && c.Value[^1] == 0 ? c.Strings() : [];
        foreach (var entry in Table)
        {
            if (compatibles.Any(entry.Compatibles.Contains)) return entry;
        }
        return null;
    }

    /// <summary>
    /// Samsung Exynos4210 UART (drivers/tty/serial/samsung_tty.c): FIFOs of 256, 64, 16 and 16
    /// bytes on ports 0..3 (<c>exynos4210_serial_drv_data.fifosize</c>; the port is the node's
    /// <c>serialN</c> alias, as <c>of_alias_get_id()</c> gives it; without one the model takes the
    /// smallest, 16), and the driver's DMA requests are single bytes: 1-byte width, maxburst 1.
    /// </summary>
    private static DeviceProfile SamsungUart(DtTree? tree, DtNode node, DmaTransferDirection direction)
    {
        int[] fifo = [256, 64, 16, 16];
        int port = tree is null ? -1 : AliasIndex(tree, node, "serial");
        return (DeviceProfile.Uart115200(direction) with
        {
            Name = $"exynos4210-uart{(port >= 0 ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}-115200-{Suffix(direction)}",
            FifoDepth = port is >= 0 and < 4 ? fifo[port] : 16,
            Watermark = 1,
        }).Validated();
    }

    /// <summary>
    /// i.MX UART (drivers/tty/serial/imx.c): 32-byte FIFOs (<c>port.fifosize = 32</c>); with DMA the
    /// TX trigger level is 8 (<c>TXTL_DMA</c>, <c>dst_maxburst = 8</c>) and RX raises at 9 with
    /// bursts of 8 (<c>RXTL_DMA - 1</c>, one byte short so the aging timer takes the rest); the
    /// aging timer fires after 8 idle character times (i.MX6 reference manual, UART "aging timer").
    /// </summary>
    private static DeviceProfile ImxUart(DmaTransferDirection direction) => (DeviceProfile.Uart115200(direction) with
    {
        Name = $"imx-uart-115200-{Suffix(direction)}",
        FifoDepth = 32,
        Watermark = 8,
        RxTimeoutFrames = direction == DmaTransferDirection.DevToMem ? 8 : 0,
    }).Validated();

    /// <summary>
    /// i.MX eCSPI (drivers/spi/spi-imx.c): 64-entry FIFOs (<c>imx51_ecspi_devtype_data.fifo_size</c>),
    /// DMA watermark half of that, 32 (<c>wml = fifo_size / 2</c>, used as maxburst both ways); 8-bit
    /// words, so one byte per entry; 10 Mbit/s as the generic SPI model.
    /// </summary>
    private static DeviceProfile ImxEcspi(DmaTransferDirection direction) => (DeviceProfile.Spi(direction) with
    {
        Name = $"imx-ecspi-10M-{Suffix(direction)}",
        FifoDepth = 64,
        Watermark = 32,
    }).Validated();

    /// <summary>
    /// Broadcom BCM2835 SD host (drivers/mmc/host/bcm2835.c): a 16-word data FIFO
    /// (<c>SDDATA_FIFO_WORDS</c>) of 32-bit words, DMA requests at 4 words
    /// (<c>FIFO_READ_THRESHOLD</c> / <c>FIFO_WRITE_THRESHOLD</c>); High Speed 4-bit as the generic MMC model.
    /// </summary>
    private static DeviceProfile Bcm2835Sdhost(DmaTransferDirection direction) => (DeviceProfile.Mmc(direction) with
    {
        Name = $"bcm2835-sdhost-{Suffix(direction)}",
        FifoDepth = 64,
        Watermark = 16,
    }).Validated();

    /// <summary>
    /// Broadcom BCM2835 PCM/I2S (sound/soc/bcm/bcm2835-i2s.c): 64-word FIFOs of 32 bits (BCM2835
    /// ARM Peripherals, "PCM / I2S Audio"), 4-byte DMA width with bursts of 2 words
    /// (<c>dma_data[].maxburst = 2</c>); 48 kHz stereo 16-bit packed in one word a frame, as the generic I2S model.
    /// </summary>
    private static DeviceProfile Bcm2835I2s(DmaTransferDirection direction) => (DeviceProfile.I2s(direction) with
    {
        Name = $"bcm2835-i2s-48k-s16-stereo-{Suffix(direction)}",
        FifoDepth = 256,
        Watermark = 8,
    }).Validated();

    /// <summary>The N of the <c>/aliases</c> property <c>&lt;stem&gt;N</c> that points at <paramref name="node"/>, or -1.</summary>
    private static int AliasIndex(DtTree tree, DtNode node, string stem)
    {
        if (tree.FindByPath("/aliases") is not { } aliases) return -1;
        foreach (var alias in aliases.Properties.Where(p => p.Name.StartsWith(stem, StringComparison.Ordinal)))
        {
            if (!int.TryParse(alias.Name.AsSpan(stem.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)) continue;
            if (alias.IsEmpty || alias.Value[^1] != 0) continue;
            var target = alias.Text();
            if (tree.FindByPath(target) == node || (target.StartsWith('&') && tree.FindByLabel(target[1..]) == node)) return index;
        }
        return -1;
    }

    private static string Suffix(DmaTransferDirection direction) => direction == DmaTransferDirection.DevToMem ? "rx" : "tx";
}
