using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace DmaActors.Cli;

/// <summary>
/// <c>--help</c> of every command: System.CommandLine's help, then one example of the command and
/// the exit codes, which are the same for every command. (System.CommandLine keeps its help
/// builder internal, so this wraps its help action and writes after it.)
/// </summary>
internal static class HelpLayout
{
    private static readonly ConditionalWeakTable<Command, string> Examples = [];

    /// <summary>Gives <paramref name="command"/> the example its help shows.</summary>
    public static TCommand WithExample<TCommand>(this TCommand command, string example) where TCommand : Command
    {
        Examples.AddOrUpdate(command, example);
        return command;
    }

    /// <summary>Puts the layout on the help option of <paramref name="root"/> (which every subcommand inherits).</summary>
    public static void Install(RootCommand root, int width)
    {
        ArgumentNullException.ThrowIfNull(root);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExampleAndExitCodes(new HelpAction { MaxWidth = width });
    }

    private sealed class HelpWithExampleAndExitCodes(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int code = standard.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (Examples.TryGetValue(parseResult.CommandResult.Command, out var example))
            {
                output.WriteLine("Example:");
                output.WriteLine($"  {example}");
                output.WriteLine();
            }
            output.WriteLine("Exit codes:");
            foreach (var (exit, meaning) in ExitCodes.Meanings) output.WriteLine($"  {exit}  {meaning}");
            return code;
        }
    }
}
