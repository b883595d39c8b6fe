using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.DeviceTree;

namespace DmaActors.Boards;

/// <summary>Simulated peripherals by the consumer node's <c>compatible</c>: UART, SPI, MMC and I2S (McASP) as on TI AM335x and common parts.</summary>
public static class PeripheralProfiles
{
    private static readonly (string[] Compatibles, Func<TransferDirection, DeviceProfile> Make)[] Table =
    [
        (["ti,am3352-uart", "ti,omap3-uart", "ti,omap4-uart", "ns16550a", "snps,dw-apb-uart", "arm,pl011"], d => DeviceProfile.Uart115200(d)),
        (["ti,omap4-mcspi", "ti,omap2-mcspi", "arm,pl022", "snps,dw-apb-ssi"], d => DeviceProfile.Spi(d)),
        (["ti,omap4-hsmmc", "ti,am335-sdhci", "arm,pl18x", "mmc-spi-slot"], DeviceProfile.Mmc),
        (["ti,am33xx-mcasp-audio", "ti,omap4-mcasp-audio", "ti,dm646x-mcasp-audio", "i2s"], DeviceProfile.I2s),
    ];

    /// <summary>Every compatible a peripheral model exists for.</summary>
    public static IEnumerable<string> Compatibles => Table.SelectMany(t => t.Compatibles);

    /// <summary>The peripheral model for <paramref name="node"/>'s channel <paramref name="channelName"/>, or null when its compatible is unknown.</summary>
    public static DeviceProfile? For(DtNode node, string channelName)
    {
        ArgumentNullException.ThrowIfNull(node);
        var compatibles = node.Property("compatible")?.Strings() ?? [];
        foreach (var (names, make) in Table)
        {
            if (compatibles.Any(names.Contains)) return make(DirectionOf(channelName));
        }
        return null;
    }

    /// <summary>"tx…" is memory to device; anything else ("rx…", "rx-tx") device to memory.</summary>
    public static TransferDirection DirectionOf(string channelName) =>
        channelName.StartsWith("tx", StringComparison.OrdinalIgnoreCase) ? TransferDirection.MemToDev : TransferDirection.DevToMem;
}
