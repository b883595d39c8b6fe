namespace DmaActors.DeviceTree;

/// <summary>Where something was written in a device-tree source (after the C preprocessor, mapped back through its line markers).</summary>
/// <param name="File">The file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
