namespace DmaActors.Api;

/// <summary>
/// Firmware channel lookup tried first by <see cref="DmaEngine.RequestChan"/> (C-1): the
/// device-tree issue implements it from <c>dmas</c>/<c>dma-names</c>.
/// </summary>
/// <remarks>Kernel: <c>of_dma_request_slave_channel()</c> / <c>acpi_dma_request_slave_chan_by_name()</c>.</remarks>
public interface IDmaChannelLookup
{
    /// <summary>
    /// Finds and takes the channel <paramref name="name"/> of consumer <paramref name="devName"/>
    /// (take it with <see cref="DmaEngine.RequestChannel"/> and a filter). Returns null when the
    /// firmware does not describe the consumer; throws <see cref="DmaException"/> for a described
    /// but unavailable channel (<c>EPROBE_DEFER</c> is returned to the caller at once, C-2; any other
    /// error only if no slave map matches either, C-4).
    /// </summary>
    /// <param name="engine">The engine to take the channel from.</param>
    /// <param name="devName">The consumer's device name.</param>
    /// <param name="name">The channel name (<c>dma-names</c> entry).</param>
    /// <returns>The taken channel, or null.</returns>
    DmaChan? RequestSlaveChannel(DmaEngine engine, string devName, string name);
}
