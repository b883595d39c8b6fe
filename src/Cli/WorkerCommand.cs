using System.CommandLine;
using System.Net;
using DmaActors.Cli.Sweeps;
using DmaActors.Cluster;
using DmaActors.Cluster.Protocol;

namespace DmaActors.Cli;

/// <summary>
/// <c>dmactors worker --join HOST:PORT</c>: a node of a cluster that runs the seeds or study runs
/// its coordinator (<c>explore … --cluster HOST:PORT</c>, <c>bench arbitration … --cluster</c>)
/// hands out, one per free core, each exactly as the single-process command runs it. It ends
/// when the job is over (0) or the coordinator is lost (4).
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var join = new Option<ClusterEndpoint?>("--join") { HelpName = "HOST:PORT", Description = "The coordinator's address (what it was given with --cluster).", Required = true, CustomParser = ClusterOptions.Endpoint("--join") };
        var port = new Option<int>("--port") { HelpName = "P", Description = "This node's TCP port; default: any free one.", CustomParser = OptionValues.WholeNumberFrom(0, 65535) };
        var host = new Option<string?>("--host") { HelpName = "NAME", Description = "The host name or address other nodes reach this one by; default: 127.0.0.1 when the coordinator is on this machine's loopback, else this machine's name." };
        var slots = new Option<int>("--slots") { HelpName = "N", Description = "Runs at once; default: one per core.", DefaultValueFactory = _ => Environment.ProcessorCount, CustomParser = OptionValues.WholeNumberFrom(1, 4096) };
        var wait = new Option<int>("--join-timeout") { HelpName = "S", Description = "Seconds to try to join before giving up.", DefaultValueFactory = _ => 60, CustomParser = OptionValues.WholeNumberFrom(1, 86_400) };
        var command = new Command("worker", "Join a cluster and run the seeds or study runs its coordinator hands out (dmactors explore/bench arbitration … --cluster HOST:PORT).")
        {
            join, port, host, slots, wait,
        }.WithExample("dmactors worker --join 10.0.0.5:4053");
        command.SetAction(r => Run(r.GetValue(join)!, r.GetValue(host), r.GetValue(port), r.GetValue(slots), TimeSpan.FromSeconds(r.GetValue(wait)), environment.Error));
        return command;
    }

    private static int Run(ClusterEndpoint join, string? host, int port, int slots, TimeSpan joinTimeout, TextWriter error)
    {
        var self = new ClusterEndpoint(host ?? DefaultHost(join), port);
        error.WriteLine($"worker: joining the cluster at {join} with {slots} slots");
        var outcome = ClusterWorker.Run(join, self, slots, Runner, joinTimeout);
        if (outcome.JobDone)
        {
            error.WriteLine($"worker: {outcome.Message}");
            return ExitCodes.Success;
        }
        error.WriteLine($"dmactors worker: {outcome.Message}");
        return ExitCodes.ClusterLost;
    }

    /// <summary>The runner of a job, as the command it came from runs its seeds or runs.</summary>
    /// <exception cref="FormatException">A job this worker cannot run (unknown kind, or its files do not load here).</exception>
    private static IWorkRunner Runner(JobOffer offer) => offer.Kind switch
    {
        ExploreCommand.JobKind => ExploreCommand.Runner(offer.Arguments),
        BenchCommand.JobKind => BenchCommand.Runner(offer.Arguments),
        _ => throw new FormatException($"this worker does not know jobs of kind '{offer.Kind}' (a coordinator of another dmactors version?)."),
    };

    private static string DefaultHost(ClusterEndpoint join) =>
        join.Host == "localhost" || (IPAddress.TryParse(join.Host, out var address) && IPAddress.IsLoopback(address)) ? "127.0.0.1" : Dns.GetHostName();
}
