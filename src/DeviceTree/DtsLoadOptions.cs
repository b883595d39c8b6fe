namespace DmaActors.DeviceTree;

/// <summary>
/// How a board file is read, as the kernel's <c>dtc_cpp</c> rule reads one: the C preprocessor's
/// include path and macros (<c>cpp -I DIR -D NAME[=VALUE]</c>; <c>__DTS__</c> is always defined)
/// and dtc's search path for <c>/include/</c> (<c>dtc -i DIR</c>, tried after the including
/// file's own directory).
/// </summary>
public sealed record DtsLoadOptions
{
    /// <summary>No extra directories, no macros.</summary>
    public static DtsLoadOptions None { get; } = new();

    /// <summary>
    /// cpp's <c>-I</c> directories, searched in order for <c>#include &lt;…&gt;</c> (and for
    /// <c>#include "…"</c> after the including file's directory); the kernel passes its
    /// <c>include/</c> (for <c>dt-bindings/…</c>) and the architecture's dts directory.
    /// </summary>
    public IReadOnlyList<string> IncludeDirectories { get; init; } = [];

    /// <summary>cpp's <c>-D</c> macros: <c>NAME</c> or <c>NAME=VALUE</c>.</summary>
    public IReadOnlyList<string> Defines { get; init; } = [];

    /// <summary>dtc's <c>-i</c> directories, searched in order for <c>/include/ "…"</c> after the including file's own directory.</summary>
    public IReadOnlyList<string> SearchDirectories { get; init; } = [];
}
