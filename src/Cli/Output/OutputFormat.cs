namespace DmaActors.Cli.Output;

/// <summary>The form of a command's stdout.</summary>
internal enum OutputFormat
{
    /// <summary>Tables fitted to the width, for people.</summary>
    Text,

    /// <summary>The command's result record as indented JSON (<c>--json</c>).</summary>
    Json,

    /// <summary>One table as CSV (<c>--csv [TABLE]</c>).</summary>
    Csv,
}
