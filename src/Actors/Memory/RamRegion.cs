namespace DmaActors.Actors.Memory;

/// <summary>A range of physical addresses backed by RAM.</summary>
/// <param name="Base">First address.</param>
/// <param name="Size">Length in bytes.</param>
public readonly record struct RamRegion(ulong Base, ulong Size)
{
    /// <summary>The last address (a region may end at the very top of a 64-bit space, where "one past" would wrap).</summary>
    public ulong Last => Base + (Size - 1);

    /// <summary>Whether the region is non-empty and does not wrap around the address space.</summary>
    public bool IsWellFormed => Size > 0 && Size - 1 <= ulong.MaxValue - Base;

    /// <summary>Whether [<paramref name="address"/>, +<paramref name="length"/>) lies wholly inside.</summary>
    public bool Contains(ulong address, long length) =>
        address >= Base && length >= 0 && (ulong)length <= Size && address - Base <= Size - (ulong)length;
}
