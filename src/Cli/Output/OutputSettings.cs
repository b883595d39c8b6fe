using System.Globalization;

namespace DmaActors.Cli.Output;

/// <summary>How a command prints, once the options and the environment are read.</summary>
/// <param name="Format">Text, JSON or CSV.</param>
/// <param name="CsvTable">The table <c>--csv</c> prints.</param>
/// <param name="Wide">Every column in one table, however wide.</param>
/// <param name="Width">The width text tables fit into.</param>
/// <param name="ColourAllowed">Neither <c>--no-color</c> nor <c>NO_COLOR</c> nor <c>TERM=dumb</c>: colour where the stream is a terminal.</param>
/// <param name="Colour">Whether stdout gets colour (and so any escape code at all): a terminal, and colour allowed.</param>
internal sealed record OutputSettings(OutputFormat Format, string CsvTable, bool Wide, int Width, bool ColourAllowed, bool Colour)
{
    /// <summary>Whether reports give wall time and the real-time factor (off with <c>--no-wall-time</c>: the report is then the same byte for byte on the same seed).</summary>
    public bool WallTime { get; init; } = true;

    /// <summary>What a pipe or a file gets, and a terminal whose width is unknown.</summary>
    public const int DefaultWidth = 80;

    /// <summary>Plain text at 80 columns: what a redirected stdout gets.</summary>
    public static OutputSettings Plain { get; } = new(OutputFormat.Text, "", Wide: false, DefaultWidth, ColourAllowed: false, Colour: false);

    /// <summary>
    /// Width: on a terminal, <c>COLUMNS</c> when it holds a positive number, else the terminal's
    /// width; redirected, 80 (<c>--wide</c> lifts the limit either way). Colour: only on a terminal,
    /// and never with <c>--no-color</c>, a non-empty <c>NO_COLOR</c> (no-color.org) or <c>TERM=dumb</c>.
    /// </summary>
    public static OutputSettings Resolve(CliEnvironment environment, OutputFormat format, string csvTable, bool wide, bool noColour)
    {
        ArgumentNullException.ThrowIfNull(environment);
        int width = DefaultWidth;
        if (environment.OutIsTerminal)
        {
            width = int.TryParse(environment.Variable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out int columns) && columns > 0
                ? columns
                : environment.TerminalWidth ?? DefaultWidth;
        }
        bool allowed = !noColour && string.IsNullOrEmpty(environment.Variable("NO_COLOR")) && environment.Variable("TERM") != "dumb";
        return new OutputSettings(format, csvTable, wide, width, allowed, allowed && environment.OutIsTerminal);
    }
}
