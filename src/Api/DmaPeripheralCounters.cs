namespace DmaActors.Api;

/// <summary>What a simulated peripheral counted, up to the system's current time (<see cref="DmaPeripheral.Counters"/>).</summary>
/// <param name="WireBytes">RX: bytes that came off the wire, lost ones included; TX: bytes put on the wire.</param>
/// <param name="DmaBytes">Bytes the DMA moved: RX, taken out of the FIFO; TX, delivered into it.</param>
/// <param name="Overruns">RX frames lost to a full FIFO.</param>
/// <param name="BytesLost">RX bytes lost to a full FIFO.</param>
/// <param name="Underruns">TX frame slots that found the FIFO empty and sent silence.</param>
/// <param name="Requests">DMA requests (DRQs) raised.</param>
/// <param name="BurstRequests">Of which burst requests.</param>
/// <param name="SingleRequests">Of which single requests.</param>
/// <param name="LastRequests">Of which marked last (the device as flow controller).</param>
/// <param name="Flushes">Request flushes received from the controller.</param>
/// <param name="FifoLevel">Bytes in the FIFO now.</param>
/// <param name="Running">Whether its wire runs.</param>
public readonly record struct DmaPeripheralCounters(
    long WireBytes,
    long DmaBytes,
    long Overruns,
    long BytesLost,
    long Underruns,
    long Requests,
    long BurstRequests,
    long SingleRequests,
    long LastRequests,
    long Flushes,
    int FifoLevel,
    bool Running);
