namespace DmaActors.DeviceTree;

/// <summary>A reference to a node by label (<c>&amp;spi0</c>) or path (<c>&amp;{/ocp/spi@48030000}</c>).</summary>
/// <param name="Target">The label, or the path when <see cref="IsPath"/>.</param>
/// <param name="IsPath">Whether <see cref="Target"/> is a path.</param>
/// <param name="Location">Where the reference was written.</param>
internal readonly record struct DtsReference(string Target, bool IsPath, SourceLocation Location);

/// <summary>A phandle cell to patch at <see cref="Offset"/> of a value part once every node is known.</summary>
/// <param name="Part">The bytes holding the cell.</param>
/// <param name="Offset">Byte offset of the cell.</param>
/// <param name="Reference">The node referred to.</param>
internal readonly record struct PhandleFixup(byte[] Part, int Offset, DtsReference Reference);

/// <summary>
/// A property whose value is known only once the whole source is read: its pieces (byte arrays
/// and path references) and the phandle cells in them to patch.
/// </summary>
/// <param name="Node">The node it was set on.</param>
/// <param name="Property">The property.</param>
/// <param name="Parts">Byte arrays and <see cref="DtsReference"/> paths, in order.</param>
/// <param name="Fixups">Phandle cells inside the byte arrays.</param>
internal sealed record PendingValue(DtNode Node, DtProperty Property, List<object> Parts, List<PhandleFixup> Fixups)
{
    /// <summary>Whether the property is still in the tree: not replaced, deleted, or on a deleted node.</summary>
    public bool IsLive => !Node.IsDeleted && ReferenceEquals(Node.Property(Property.Name), Property);
}
