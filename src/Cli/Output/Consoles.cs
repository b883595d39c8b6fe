using Spectre.Console;

namespace DmaActors.Cli.Output;

/// <summary>Spectre consoles bound to a given writer, with colour decided here and nowhere else.</summary>
internal static class Consoles
{
    /// <summary>
    /// A console on <paramref name="writer"/>: ANSI colour when <paramref name="colour"/>, otherwise
    /// no escape code of any kind. (The standard 16 colours are enough for green/yellow/red, and do
    /// not depend on what TERM claims.)
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool colour, bool interactive = false) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = colour || interactive ? AnsiSupport.Yes : AnsiSupport.No,
        ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
        Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
    });

    public static Style StyleOf(CellTone tone) => tone switch
    {
        CellTone.Good => new Style(Color.Green),
        CellTone.Warning => new Style(Color.Yellow),
        CellTone.Bad => new Style(Color.Red),
        _ => Style.Plain,
    };
}
