namespace DmaActors.Mapping;

/// <summary>
/// A CPU virtual address (a kernel pointer). Never handed to a device: it means nothing on the bus.
/// Kept a distinct type from <see cref="PhysAddress"/> and <see cref="DmaAddress"/> so the compiler
/// refuses the classic mix-up of giving a device a pointer.
/// </summary>
/// <param name="Value">The address.</param>
/// <remarks>Kernel: <c>void *</c> in the linear map or the vmalloc area.</remarks>
public readonly record struct CpuAddress(ulong Value)
{
    /// <summary>The address <paramref name="offset"/> bytes further.</summary>
    /// <param name="offset">Bytes to add.</param>
    public CpuAddress Add(ulong offset) => new(Value + offset);

    /// <summary>The address <paramref name="offset"/> bytes further.</summary>
    public static CpuAddress operator +(CpuAddress address, ulong offset) => address.Add(offset);

    /// <inheritdoc/>
    public override string ToString() => $"va:0x{Value:x}";
}
