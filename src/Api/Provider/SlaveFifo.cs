namespace DmaActors.Api.Provider;

/// <summary>
/// What the DMA side of a request line must match (board wiring, no kernel twin): the bus address
/// of the peripheral's FIFO register for the line's direction, which the driver must give as
/// <c>dma_slave_config.src_addr</c>/<c>dst_addr</c> (DA-1, DA-2), and the FIFO's DMA watermark,
/// which <c>maxburst × addr_width</c> must equal (DA-3; see docs/CONTRACT-ADDITIONS.md).
/// </summary>
/// <param name="Address">The FIFO register's bus address; null: unknown, not checked.</param>
/// <param name="Watermark">Bytes per burst request the peripheral raises; 0: unknown, not checked.</param>
public sealed record SlaveFifo(ulong? Address, int Watermark = 0);
