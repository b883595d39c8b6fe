using Spectre.Console;

namespace DmaActors.Cli;

/// <summary>A Spectre console bound to whatever <see cref="Console.Out"/> is now (AnsiConsole.Console keeps the first one it saw).</summary>
internal static class Terminal
{
    public static IAnsiConsole Current() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
}
