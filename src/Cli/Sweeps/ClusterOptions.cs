using System.CommandLine;
using System.CommandLine.Parsing;
using DmaActors.Cluster;

namespace DmaActors.Cli.Sweeps;

/// <summary><c>--cluster HOST:PORT</c> and <c>--resume FILE</c>: run a command's seeds or runs over an Akka.NET cluster of <c>dmactors worker</c>s.</summary>
internal sealed class ClusterOptions
{
    private readonly Option<ClusterEndpoint?> _cluster = new("--cluster")
    {
        HelpName = "HOST:PORT",
        Description = "Spread the runs over a cluster: start its coordinator (the seed node) here, and run 'dmactors worker --join HOST:PORT' on each machine. The output is the single-process command's.",
        CustomParser = Endpoint("--cluster"),
    };

    private readonly Option<FileInfo?> _resume = new("--resume")
    {
        HelpName = "FILE",
        Description = "With --cluster: record each finished run in FILE and skip those it already holds (a run whose coordinator was lost goes on from there). Default: a file in the temp folder, named on stderr.",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_cluster);
        command.Options.Add(_resume);
        command.Validators.Add(result =>
        {
            if (result.GetResult(_resume) is not null && result.GetResult(_cluster) is null) result.AddError("--resume goes with --cluster (it is the cluster coordinator's record of finished runs).");
        });
    }

    /// <summary>The coordinator's address, or null for a single-process run.</summary>
    public ClusterEndpoint? Endpoint(ParseResult result) => result.GetValue(_cluster);

    /// <summary>The record file the user named, or null.</summary>
    public FileInfo? Record(ParseResult result) => result.GetValue(_resume);

    /// <summary>A parser of HOST:PORT whose error names <paramref name="option"/>.</summary>
    public static Func<ArgumentResult, ClusterEndpoint?> Endpoint(string option) => result =>
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        try
        {
            return ClusterEndpoint.Parse(text, option);
        }
        catch (FormatException bad)
        {
            result.AddError(bad.Message);
            return null;
        }
    };
}
