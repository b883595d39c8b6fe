using System.CommandLine;
using System.CommandLine.Parsing;
using DmaActors.Cli.Output;

namespace DmaActors.Cli;

/// <summary>
/// The <c>dmactors</c> command line: its commands (one file each), then the exit-code contract
/// (<see cref="ExitCodes"/>): a command line that does not parse is bad input (2) with a plain
/// message, and an exception that escapes a command is a bug (3), reported in one line.
/// </summary>
internal static class DmactorsApp
{
    public static int Run(string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            var root = CreateRoot(environment);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0) return BadCommandLine(parsed, environment.Error);
            environment.OnCommandStart?.Invoke(parsed.CommandResult.Command.Name);
            return parsed.Invoke(new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception bug)
        {
            return InternalError.Report(bug, args, environment.Error);
        }
    }

    /// <summary>Every command; another command is one more line here and a file of its own.</summary>
    public static RootCommand CreateRoot(CliEnvironment environment)
    {
        var root = new RootCommand("dmactors: simulate the Linux DMA subsystem on a device-tree board; run workloads, dmatest, and explore schedules.")
        {
            DemoCommand.Create(environment),
            RunCommand.Create(environment),
            ExploreCommand.Create(environment),
            DmaTestCommand.Create(environment),
            BenchCommand.Create(environment),
            BoardCommand.Create(environment),
            WorkerCommand.Create(environment),
        }.WithExample("dmactors demo");
        HelpLayout.Install(root, environment.OutIsTerminal ? OutputSettings.Resolve(environment, OutputFormat.Text, "", wide: false, noColour: true).Width : OutputSettings.DefaultWidth);
        return root;
    }

    /// <summary>Each parse error as a sentence, and where help is; no usage dump, no .NET type name.</summary>
    private static int BadCommandLine(ParseResult parsed, TextWriter error)
    {
        foreach (var problem in parsed.Errors) error.WriteLine($"dmactors: {problem.Message}");
        error.WriteLine($"Run '{CommandPath(parsed.CommandResult)} --help' for usage.");
        return ExitCodes.BadInput;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? at = result; at is not null; at = at.Parent)
        {
            if (at is CommandResult command) names.Insert(0, command.Command.Name);
        }
        return string.Join(' ', names);
    }
}
