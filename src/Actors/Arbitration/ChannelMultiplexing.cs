namespace DmaActors.Actors.Arbitration;

/// <summary>How virtual channels share physical channels.</summary>
public enum ChannelMultiplexing
{
    /// <summary>
    /// virt-dma's shared pool (sa11x0, amba-pl08x): a virtual channel with issued work waits for
    /// a free physical channel, in arrival order, and gives it back at each descriptor boundary
    /// (or after a quantum of bursts) so waiting channels take turns.
    /// </summary>
    Pooled,

    /// <summary>
    /// Bound at allocation (pl330, bcm2835): virtual channel <c>i</c> always runs on physical
    /// channel <c>i</c> and never gives it back.
    /// </summary>
    Dedicated,
}
