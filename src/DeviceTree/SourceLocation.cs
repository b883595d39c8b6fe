using System.Globalization;

namespace DmaActors.DeviceTree;

/// <summary>
/// Where something was written in a device-tree source (after the C preprocessor, mapped back
/// through its line markers), or, with <see cref="Line"/> 0, where it lies in a blob:
/// <see cref="Column"/> is then the byte offset from the blob's start.
/// </summary>
/// <param name="File">The file.</param>
/// <param name="Line">1-based line; 0 in a blob.</param>
/// <param name="Column">1-based column; in a blob, the byte offset.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary><c>file:line:column</c>, or <c>file: byte 0x…</c> in a blob.</summary>
    public override string ToString() => Line == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{File}: byte 0x{Column:x}")
        : string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
