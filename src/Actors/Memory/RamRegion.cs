namespace DmaActors.Actors.Memory;

/// <summary>A range of physical addresses backed by RAM.</summary>
/// <param name="Base">First address.</param>
/// <param name="Size">Length in bytes.</param>
public readonly record struct RamRegion(ulong Base, ulong Size)
{
    /// <summary>One past the last address.</summary>
    public ulong End => Base + Size;

    /// <summary>Whether [<paramref name="address"/>, +<paramref name="length"/>) lies wholly inside.</summary>
    public bool Contains(ulong address, long length) =>
        address >= Base && length >= 0 && (ulong)length <= Size && address - Base <= Size - (ulong)length;
}
