using Akka.Actor;

namespace DmaActors.Cluster;

/// <summary>
/// Runs a job over the cluster: starts the seed node at the given address with the coordinator
/// on it, waits for workers (<see cref="ClusterWorker"/>) to join and run the items, and returns
/// when nothing more is needed. Progress and node changes go to <c>progress</c> (stderr).
/// </summary>
public static class ClusterCoordinator
{
    /// <summary>Runs <paramref name="job"/> with the coordinator at <paramref name="at"/>, keeping <paramref name="record"/> (and skipping what it already holds).</summary>
    /// <exception cref="ClusterLostException">The coordinator's own node was downed or stopped before the job was done (the record keeps what finished).</exception>
    public static CoordinatorOutcome Run(ClusterEndpoint at, ClusterJob job, RecordFile record, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(progress);
        var outcome = new TaskCompletionSource<CoordinatorOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var system = ActorSystem.Create(ClusterConfiguration.SystemName, ClusterConfiguration.For(at, at, ClusterConfiguration.CoordinatorRole));
        try
        {
            var cluster = Akka.Cluster.Cluster.Get(system);
            cluster.Join(cluster.SelfAddress);
            progress.WriteLine($"cluster: coordinator at {at}; {job.Items} items; start workers with: dmactors worker --join {at}");
            system.ActorOf(Props.Create(() => new CoordinatorActor(job, record, progress, outcome)), CoordinatorActor.Name);
            int finished = Task.WaitAny(outcome.Task, system.WhenTerminated);
            if (finished == 1 || !outcome.Task.IsCompleted)
            {
                throw new ClusterLostException($"the coordinator's node at {at} stopped before the job was done (downed by the cluster's split-brain resolver, or shut down); {record.Path} keeps the {record.Finished.Count}+ finished items: run again with --resume {record.Path}");
            }
            // Leave, so the workers see the job end rather than a failure; a lost worker that is still
            // unreachable keeps the cluster from converging, so the wait is short.
            cluster.LeaveAsync().Wait(TimeSpan.FromSeconds(2));
            return outcome.Task.Result;
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }
}
