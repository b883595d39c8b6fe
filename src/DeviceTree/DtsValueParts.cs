namespace DmaActors.DeviceTree;

/// <summary>A reference to a node by label (<c>&amp;spi0</c>) or path (<c>&amp;{/ocp/spi@48030000}</c>).</summary>
/// <param name="Target">The label, or the path when <see cref="IsPath"/>.</param>
/// <param name="IsPath">Whether <see cref="Target"/> is a path.</param>
/// <param name="Location">Where the reference was written.</param>
internal sealed record DtsReference(string Target, bool IsPath, SourceLocation Location);

/// <summary>A phandle cell to patch at <see cref="Offset"/> of a value part once every node is known.</summary>
/// <param name="Part">The bytes holding the cell.</param>
/// <param name="Offset">Byte offset of the cell.</param>
/// <param name="Reference">The node referred to.</param>
internal sealed record PhandleFixup(byte[] Part, int Offset, DtsReference Reference);
