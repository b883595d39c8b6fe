namespace DmaActors.Mapping;

/// <summary>A physical address: what the MMU produces and RAM answers to.</summary>
/// <param name="Value">The address.</param>
/// <remarks>Kernel: <c>phys_addr_t</c> (and <c>struct page</c> by its page-aligned physical address).</remarks>
public readonly record struct PhysAddress(ulong Value)
{
    /// <summary>The address <paramref name="offset"/> bytes further.</summary>
    /// <param name="offset">Bytes to add.</param>
    public PhysAddress Add(ulong offset) => new(Value + offset);

    /// <summary>The address <paramref name="offset"/> bytes further.</summary>
    public static PhysAddress operator +(PhysAddress address, ulong offset) => address.Add(offset);

    /// <inheritdoc/>
    public override string ToString() => $"pa:0x{Value:x}";
}
