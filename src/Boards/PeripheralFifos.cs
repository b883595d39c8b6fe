using System.Globalization;
using DmaActors.DeviceTree;

namespace DmaActors.Boards;

/// <summary>
/// Where each modelled peripheral's DMA data register sits: the offset from its <c>reg</c> base of
/// the register its driver gives as <c>dma_slave_config.src_addr</c> (receive) and
/// <c>dst_addr</c> (transmit), each taken from the driver named beside it. The board checks
/// slave descriptors against the address this gives (DA-1, DA-2 in docs/CONTRACT-ADDITIONS.md).
/// </summary>
/// <remarks>
/// Unknown, so not checked: <c>mmc-spi-slot</c> (an SPI child without registers of its own: the SPI
/// controller moves its data), the generic <c>i2s</c>, and McASP without a <c>"dat"</c> region or as
/// <c>ti,omap4-mcasp-audio</c> (the data port is then a serializer buffer register chosen at run
/// time by <c>davinci_mcasp_txdma_offset()</c>/<c>_rxdma_offset()</c>).
/// </remarks>
public static class PeripheralFifos
{
    /// <summary>One register layout: receive and transmit offsets, the stride between per-channel banks (McSPI), the named <c>reg</c> region, and whether the driver uses the untranslated bus address.</summary>
    private sealed record Layout(ulong Rx, ulong Tx, ulong ChannelStride = 0, string? RegName = null, bool BusAddress = false);

    private static readonly Dictionary<string, Layout> ByCompatible = new(StringComparer.Ordinal)
    {
        // 8250 / omap-serial / DesignWare: UART_RX = UART_TX = 0 (8250_dma.c: mapbase + UART_RX / UART_TX).
        ["ti,am3352-uart"] = new(0x00, 0x00),
        ["ti,omap3-uart"] = new(0x00, 0x00),
        ["ti,omap4-uart"] = new(0x00, 0x00),
        ["ns16550a"] = new(0x00, 0x00),
        ["snps,dw-apb-uart"] = new(0x00, 0x00),
        // amba-pl011.c: mapbase + UART01x_DR (0x00) both ways.
        ["arm,pl011"] = new(0x00, 0x00),
        // samsung_tty.c: mapbase + S3C2410_URXH (0x24) / S3C2410_UTXH (0x20).
        ["samsung,exynos4210-uart"] = new(0x24, 0x20),
        // imx.c: mapbase + URXD0 (0x00) / URTX0 (0x40).
        ["fsl,imx21-uart"] = new(0x00, 0x40),
        ["fsl,imx6q-uart"] = new(0x00, 0x40),
        // spi-omap2-mcspi.c: phys + regs_offset (0x100 on omap4, 0 on omap2) + chip select × 0x14 + OMAP2_MCSPI_RX0 (0x3c) / TX0 (0x38).
        ["ti,omap4-mcspi"] = new(0x13C, 0x138, ChannelStride: 0x14),
        ["ti,omap2-mcspi"] = new(0x03C, 0x038, ChannelStride: 0x14),
        // spi-pl022.c: SSP_DR(phybase) = phybase + 0x08.
        ["arm,pl022"] = new(0x08, 0x08),
        // spi-dw-core.c: paddr + DW_SPI_DR (0x60).
        ["snps,dw-apb-ssi"] = new(0x60, 0x60),
        // spi-imx.c: MXC_CSPIRXDATA (0x00) / MXC_CSPITXDATA (0x04).
        ["fsl,imx51-ecspi"] = new(0x00, 0x04),
        ["fsl,imx6ul-ecspi"] = new(0x00, 0x04),
        // omap_hsmmc.c: mapbase (start + reg_offset 0x100 on omap4) + OMAP_HSMMC_DATA (0x120).
        ["ti,omap4-hsmmc"] = new(0x220, 0x220),
        // sdhci-omap.c (am335_data.offset 0x200) + sdhci.c external DMA: mapbase + SDHCI_BUFFER (0x20).
        ["ti,am335-sdhci"] = new(0x220, 0x220),
        // mmci.c: phybase + MMCIFIFO (0x80).
        ["arm,pl18x"] = new(0x80, 0x80),
        // bcm2835.c: the reg property's bus address + SDDATA (0x40).
        ["brcm,bcm2835-sdhost"] = new(0x40, 0x40, BusAddress: true),
        // davinci-mcasp.c: the "dat" region's start when the binding gives one.
        ["ti,am33xx-mcasp-audio"] = new(0x00, 0x00, RegName: "dat"),
        ["ti,dm646x-mcasp-audio"] = new(0x00, 0x00, RegName: "dat"),
        // bcm2835-i2s.c: the reg property's bus address + BCM2835_I2S_FIFO_A_REG (0x04) both ways.
        ["brcm,bcm2835-i2s"] = new(0x04, 0x04, BusAddress: true),
    };

    /// <summary>
    /// The bus address of <paramref name="node"/>'s data register for channel <paramref name="channelName"/>
    /// ("tx…" transmit, else receive; a trailing number picks a McSPI channel bank), or null when
    /// the compatible's layout is unknown or its <c>reg</c> cannot be read.
    /// </summary>
    public static ulong? AddressOf(DtNode node, string channelName)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(channelName);
        var compatibles = node.Property("compatible") is { IsEmpty: false } c && c.Value[^1] == 0 ? c.Strings() : [];
        var layout = compatibles.Select(name => ByCompatible.GetValueOrDefault(name)).FirstOrDefault(l => l is not null);
        if (layout is null) return null;
        int index = 0;
        if (layout.RegName is { } regName)
        {
            var names = node.Property("reg-names") is { IsEmpty: false } n && n.Value[^1] == 0 ? n.Strings() : [];
            index = names.ToList().IndexOf(regName);
            if (index < 0) return null;
        }
        if ((layout.BusAddress ? BusAddress(node, index) : DtAddress.RegAddress(node, index)) is not { } start) return null;
        bool transmit = channelName.StartsWith("tx", StringComparison.OrdinalIgnoreCase);
        return start + (transmit ? layout.Tx : layout.Rx) + (layout.ChannelStride * ChannelNumber(channelName));
    }

    /// <summary>The <paramref name="index"/>-th <c>reg</c> address as written (the parent bus's address, not translated), as drivers that read the property themselves use it.</summary>
    private static ulong? BusAddress(DtNode node, int index)
    {
        if (node.Parent is null || node.Property("reg") is not { } reg || reg.Value.Length % 4 != 0) return null;
        var (na, ns) = DtAddress.CellsOf(node);
        var cells = reg.Cells();
        int offset = index * (na + ns);
        if (na is < 1 or > 2 || offset + na > cells.Length) return null;
        return na == 1 ? cells[offset] : ((ulong)cells[offset] << 32) | cells[offset + 1];
    }

    /// <summary>The number a channel name ends with ("rx1" → 1), or 0.</summary>
    private static ulong ChannelNumber(string channelName)
    {
        int digits = channelName.Length;
        while (digits > 0 && char.IsAsciiDigit(channelName[digits - 1])) digits--;
        return digits < channelName.Length && ulong.TryParse(channelName.AsSpan(digits), NumberStyles.None, CultureInfo.InvariantCulture, out ulong n) ? n : 0;
    }
}
