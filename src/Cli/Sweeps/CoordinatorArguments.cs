using System.CommandLine;

namespace DmaActors.Cli.Sweeps;

/// <summary>Reads the command-line arguments a coordinator sends its workers with the command's own options.</summary>
internal static class CoordinatorArguments
{
    /// <summary>Parses <paramref name="arguments"/> against a command named <paramref name="name"/> that <paramref name="addOptions"/> fills.</summary>
    /// <exception cref="FormatException">They do not parse (a coordinator of another version?).</exception>
    public static ParseResult Parse(string name, Action<Command> addOptions, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(addOptions);
        var command = new Command(name.Split(' ')[^1]); // "bench arbitration" is the command arbitration
        addOptions(command);
        var parsed = command.Parse([.. arguments]);
        if (parsed.Errors.Count > 0) throw new FormatException($"{name}'s arguments from the coordinator do not parse: {string.Join(" ", parsed.Errors.Select(e => e.Message))}");
        return parsed;
    }
}
