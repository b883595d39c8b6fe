namespace DmaActors.Actors.Channels;

/// <summary>Where a descriptor is in the virt-dma lifecycle (contract section 2.6).</summary>
public enum DescriptorState
{
    /// <summary>On desc_allocated: prepared, not submitted.</summary>
    Prepared,

    /// <summary>On desc_submitted: has a cookie, waits for issue_pending.</summary>
    Submitted,

    /// <summary>On desc_issued: waits for the hardware.</summary>
    Issued,

    /// <summary>Running on a physical channel (or preempted, waiting to continue).</summary>
    Active,

    /// <summary>Completed: cookie completed, callback queued.</summary>
    Completed,

    /// <summary>On desc_terminated: aborted by terminate, freed at synchronize.</summary>
    Terminated,

    /// <summary>Freed.</summary>
    Freed,
}
