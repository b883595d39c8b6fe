using DmaActors.Api;

namespace DmaActors.Examples.SpiFullDuplex;

/// <summary>What one full-duplex transaction of <see cref="SpiFullDuplexDriver"/> did.</summary>
/// <param name="Length">Bytes clocked each way.</param>
/// <param name="RxBytesVerified">Received bytes that equal what the remote SPI device sent, in order.</param>
/// <param name="TxWireBytes">Bytes the TX device put on MOSI.</param>
/// <param name="TxMismatches">Bytes on MOSI that differ from the TX buffer.</param>
/// <param name="TxResult">The TX descriptor's <c>dmaengine_result</c>.</param>
/// <param name="RxResult">The RX descriptor's <c>dmaengine_result</c>.</param>
/// <param name="TxChannel">The channel the "tx" request got (<c>dma&lt;N&gt;chan&lt;M&gt;</c>).</param>
/// <param name="RxChannel">The channel the "rx" request got.</param>
public sealed record SpiTransferResult(
    int Length,
    int RxBytesVerified,
    long TxWireBytes,
    long TxMismatches,
    DmaengineResult TxResult,
    DmaengineResult RxResult,
    string TxChannel,
    string RxChannel);
