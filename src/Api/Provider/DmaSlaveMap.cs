namespace DmaActors.Api.Provider;

/// <summary>One row of a provider's slave map: which consumer (device name + channel name) gets a channel chosen by the filter with <see cref="Param"/> (C-3).</summary>
/// <param name="Devname">Kernel: <c>devname</c>: the consumer device's name.</param>
/// <param name="Slave">Kernel: <c>slave</c>: the channel name the consumer asks for (<c>"rx"</c>, <c>"tx"</c>).</param>
/// <param name="Param">Kernel: <c>param</c>: handed to the device's filter; an <see cref="int"/> here is taken as the DRQ line.</param>
/// <remarks>Kernel: <c>struct dma_slave_map</c>.</remarks>
public sealed record DmaSlaveMap(string Devname, string Slave, object? Param);
