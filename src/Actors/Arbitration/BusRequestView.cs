namespace DmaActors.Actors.Arbitration;

/// <summary>A pending bus request as a policy sees it.</summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="Bytes">Burst size it asks for.</param>
/// <param name="Arrival">When it arrived, as a sequence number (FIFO order among requests).</param>
public readonly record struct BusRequestView(int Channel, int Bytes, long Arrival);
