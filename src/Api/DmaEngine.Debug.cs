using DmaActors.Mapping;

namespace DmaActors.Api;

public sealed partial class DmaEngine
{
    /// <summary>
    /// The dma-debug that slave checks report to: a slave prep whose <c>maxburst × addr_width</c>
    /// is not the watermark of the peripheral on its line (DA-3). Give it a platform's
    /// <see cref="Platform.Debug"/>; null (the default): not checked.
    /// </summary>
    /// <remarks>Kernel: none; CONFIG_DMA_API_DEBUG checks the mapping API only (a simulator extension in its style).</remarks>
    public DmaActors.Mapping.DmaDebug? DmaDebug { get; set; }
}
