namespace DmaActors.Actors.Transfers;

/// <summary>What shape of transfer a descriptor describes (the kernel's <c>device_prep_*</c> families).</summary>
public enum TransferKind
{
    /// <summary>device_prep_dma_memcpy.</summary>
    Memcpy,

    /// <summary>device_prep_dma_memset.</summary>
    Memset,

    /// <summary>device_prep_slave_sg (and prep_slave_single, an sg list of one).</summary>
    SlaveSg,

    /// <summary>device_prep_dma_cyclic: a ring of periods, repeated until terminated.</summary>
    Cyclic,

    /// <summary>device_prep_interleaved_dma: frames of chunks with gaps.</summary>
    Interleaved,
}
