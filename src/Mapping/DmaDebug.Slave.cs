namespace DmaActors.Mapping;

/// <summary>The dmaengine layer's checks reported through dma-debug (DA-3 in docs/CONTRACT-ADDITIONS.md): give <c>DmaEngine.DmaDebug</c> this instance.</summary>
public sealed partial class DmaDebug
{
    /// <summary>Reports a slave prep whose <c>maxburst × addr_width</c> differs from the peripheral's DRQ watermark (DA-3), as <c>err_printk</c> would.</summary>
    /// <param name="device">The consumer device (or channel) that prepared the transfer.</param>
    /// <param name="message">What differs, with both figures.</param>
    public void SlaveBurstMismatch(string device, string message)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(message);
        lock (_platform.Sync) Report(DmaDebugCheck.SlaveBurstMismatch, "DA-3", device, message);
    }
}
