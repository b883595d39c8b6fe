namespace DmaActors.DeviceTree;

/// <summary>A device-tree source (or blob) that cannot be read; the message gives file:line:column and what was expected.</summary>
public sealed class DtsSyntaxException(SourceLocation location, string message)
    : Exception($"{location}: {message}")
{
    /// <summary>Where the problem is.</summary>
    public SourceLocation Location { get; } = location;
}
