using DmaActors.Boards.Workloads;
using DmaActors.DeviceTree;

namespace DmaActors.Cli;

/// <summary>
/// One exploration, loaded: the board, the workload and the run length each seed runs with. Each
/// seed is an independent deterministic run (<see cref="RunSeed"/>), the same in the
/// single-process command and on a cluster worker.
/// </summary>
internal sealed class ExploreJob
{
    private ExploreJob(ExploreRequest request, DtTree tree, Workload? workload, double length)
    {
        Request = request;
        Tree = tree;
        Workload = workload;
        Length = length;
    }

    public ExploreRequest Request { get; }

    public DtTree Tree { get; }

    /// <summary>The workload, or null: each seed runs the load made from the board.</summary>
    public Workload? Workload { get; }

    /// <summary>Virtual milliseconds per seed.</summary>
    public double Length { get; }

    /// <summary>Loads the request's files; a problem is said on <paramref name="error"/> and gives false (exit 2).</summary>
    public static bool TryLoad(ExploreRequest request, TextWriter error, out ExploreJob? job)
    {
        ArgumentNullException.ThrowIfNull(request);
        job = null;
        DtTree tree;
        Workload? workload;
        if (request.Board is null)
        {
            tree = DemoCommand.DemoBoard();
            workload = DemoScenario.Workload;
            if (request.Workload is not null && !Inputs.TryLoadWorkload(request.Workload, error, out workload)) return false;
        }
        else if (!Inputs.TryLoad(request.Board, request.Workload, request.Preprocessor, error, out var loaded, out var loadedWorkload))
        {
            return false;
        }
        else
        {
            (tree, workload) = (loaded!, loadedWorkload);
        }
        double length = request.Milliseconds ?? Math.Min(workload?.RunMilliseconds ?? 50, 2);
        if (workload is not null) workload = workload with { RunMilliseconds = length };
        job = new ExploreJob(request, tree, workload, length);
        return true;
    }

    /// <summary>Runs <paramref name="seed"/> on the deterministic dispatcher; what the board leaves out goes to <paramref name="diagnostics"/>.</summary>
    public WorkloadReport RunSeed(ulong seed, TextWriter diagnostics) =>
        SimulationRun.Run(Tree, Workload, RunOptions.None with { Seed = seed }, null, diagnostics, Length);
}
