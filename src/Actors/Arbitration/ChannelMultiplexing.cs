namespace DmaActors.Actors.Arbitration;

/// <summary>How virtual channels share physical channels.</summary>
public enum ChannelMultiplexing
{
    /// <summary>
    /// virt-dma's shared pool, as sa11x0 and amba-pl08x do it (V-17, V-18, H-11): a virtual channel
    /// with issued work joins the controller's FIFO at <c>issue_pending</c> and waits for a free
    /// physical channel; it keeps that channel, starting its next issued descriptor on it, until it
    /// has nothing issued, and then the first waiting channel gets it (or, with a quantum of bursts
    /// set, when another channel has waited that long).
    /// </summary>
    Pooled,

    /// <summary>
    /// Bound at allocation (pl330, bcm2835): virtual channel <c>i</c> always runs on physical
    /// channel <c>i</c> and never gives it back.
    /// </summary>
    Dedicated,

    /// <summary>
    /// Not a kernel driver's policy, a study option: the shared pool of <see cref="Pooled"/>, but a
    /// virtual channel gives its physical channel back at every descriptor boundary and, with more
    /// issued work, rejoins the back of the queue, so waiting channels take turns descriptor by
    /// descriptor.
    /// </summary>
    TimeSliced,
}
