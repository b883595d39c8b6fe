namespace DmaActors.Cli.Output;

/// <summary>What a cell or a line says about the run, which a colour terminal shows in colour.</summary>
internal enum CellTone
{
    /// <summary>Nothing to flag.</summary>
    Plain,

    /// <summary>A check passed (green).</summary>
    Good,

    /// <summary>Something to look at that is not a failure (yellow).</summary>
    Warning,

    /// <summary>A failure or a fault (red).</summary>
    Bad,
}
