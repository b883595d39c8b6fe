namespace DmaActors.Cli;

/// <summary>
/// Where a command runs: its output streams, whether each is a terminal, the terminal's width and
/// the environment variables. Commands read these facts from here rather than from
/// <see cref="Console"/>, so tests can give them a terminal of any width, or a pipe.
/// </summary>
/// <param name="Out">Reports (tables, JSON, CSV): stdout.</param>
/// <param name="Error">Messages, notices of files written, logs and progress: stderr.</param>
/// <param name="OutIsTerminal">Whether stdout is a terminal (colour, its width) rather than a pipe or a file (plain, 80 columns).</param>
/// <param name="ErrorIsTerminal">Whether stderr is a terminal (the only place a progress bar is drawn).</param>
/// <param name="TerminalWidth">The terminal's width in columns, when known.</param>
/// <param name="Variable">Reads an environment variable (<c>COLUMNS</c>, <c>NO_COLOR</c>, <c>TERM</c>).</param>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal, int? TerminalWidth, Func<string, string?> Variable)
{
    /// <summary>
    /// Runs after the command line parsed and before the command's action. Only tests set it: it
    /// throws there to take the path a bug takes (exit 3), which no input can reach on purpose.
    /// </summary>
    public Action<string>? OnCommandStart { get; init; }

    /// <summary>The process's own console.</summary>
    public static CliEnvironment FromConsole() => new(
        Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected, TerminalColumns(), Environment.GetEnvironmentVariable);

    private static int? TerminalColumns()
    {
        if (Console.IsOutputRedirected) return null;
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null; // no terminal to ask after all
        }
    }
}
