namespace DmaActors.Actors.Transfers;

/// <summary>Who decides where a slave transfer ends (PL080's FlowCntrl, MMC's block transfers).</summary>
public enum FlowController
{
    /// <summary>The DMA controller: the descriptor's length ends it.</summary>
    Dma,

    /// <summary>The device: its request marked <c>last</c> ends it, whatever length is left (the residue).</summary>
    Device,
}
