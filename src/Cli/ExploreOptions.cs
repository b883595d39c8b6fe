using System.CommandLine;

namespace DmaActors.Cli;

/// <summary><c>explore</c>'s own options: read from its command line, and from the arguments a cluster worker is sent.</summary>
internal sealed class ExploreOptions
{
    private readonly Option<FileInfo?> _board = new("--board") { HelpName = "FILE", Description = "The board; default: the built-in demo board." };
    private readonly Option<FileInfo?> _workload = new("--workload") { HelpName = "FILE", Description = "A workload JSON file; default: the built-in mixed load." };
    private readonly Option<double?> _milliseconds = new("--ms") { HelpName = "MS", Description = "Run length per seed, in milliseconds of virtual time; default: the workload's, at most 2.", CustomParser = OptionValues.OptionalMilliseconds };
    private readonly Option<int> _seeds = new("--seeds") { HelpName = "N", Description = "How many seeds to try (1 to N).", DefaultValueFactory = _ => 100, CustomParser = OptionValues.WholeNumberFrom(1, int.MaxValue) };
    private readonly PreprocessorOptions _preprocessor = new();

    /// <summary>Adds the options to <paramref name="command"/>, <paramref name="output"/>'s between explore's own and cpp's.</summary>
    public void AddTo(Command command, OutputOptions? output = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_board);
        command.Options.Add(_workload);
        command.Options.Add(_milliseconds);
        command.Options.Add(_seeds);
        output?.AddTo(command);
        _preprocessor.AddTo(command);
    }

    public ExploreRequest Read(ParseResult result) =>
        new(result.GetValue(_board), result.GetValue(_workload), result.GetValue(_milliseconds), result.GetValue(_seeds), _preprocessor.From(result));

    /// <summary>Reads <see cref="ExploreRequest.ToArguments"/> back.</summary>
    /// <exception cref="FormatException">They do not parse (a coordinator of another version?).</exception>
    public static ExploreRequest Parse(IReadOnlyList<string> arguments)
    {
        var options = new ExploreOptions();
        return options.Read(Sweeps.CoordinatorArguments.Parse("explore", c => options.AddTo(c), arguments));
    }
}
