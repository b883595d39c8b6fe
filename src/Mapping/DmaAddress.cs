namespace DmaActors.Mapping;

/// <summary>
/// A bus (DMA) address: what a device puts on its bus. Equal to the physical address only when
/// there is no IOMMU and no bounce buffer; drivers must treat it as opaque.
/// </summary>
/// <param name="Value">The address.</param>
/// <remarks>Kernel: <c>dma_addr_t</c>.</remarks>
public readonly record struct DmaAddress(ulong Value)
{
    /// <summary>The all-ones address every failed map returns.</summary>
    /// <remarks>Kernel: <c>DMA_MAPPING_ERROR</c>.</remarks>
    public static DmaAddress MappingError { get; } = new(ulong.MaxValue);

    /// <summary>Whether this is <see cref="MappingError"/> (does not count as a <c>dma_mapping_error()</c> check).</summary>
    public bool IsMappingError => Value == ulong.MaxValue;

    /// <summary>The address <paramref name="offset"/> bytes further.</summary>
    /// <param name="offset">Bytes to add.</param>
    public DmaAddress Add(ulong offset) => new(Value + offset);

    /// <summary>The address <paramref name="offset"/> bytes further.</summary>
    public static DmaAddress operator +(DmaAddress address, ulong offset) => address.Add(offset);

    /// <inheritdoc/>
    public override string ToString() => IsMappingError ? "DMA_MAPPING_ERROR" : $"dma:0x{Value:x}";
}
