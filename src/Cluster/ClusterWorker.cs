using Akka.Actor;
using DmaActors.Cluster.Protocol;

namespace DmaActors.Cluster;

/// <summary>
/// A worker node: joins the cluster seeded at the coordinator's address, runs the items it is
/// given (a number of them at a time, each through the runner made from the job), and
/// returns when the job is over or the coordinator is lost.
/// </summary>
public static class ClusterWorker
{
    /// <summary>Runs a worker at <paramref name="self"/> (port 0: any free one) in the cluster seeded at <paramref name="join"/>.</summary>
    /// <param name="join">The coordinator's address (the seed node).</param>
    /// <param name="self">This node's host and port.</param>
    /// <param name="slots">Items run at once (free cores).</param>
    /// <param name="runners">Makes the runner of a job from its offer (it throws FormatException, IOException or ArgumentException when this worker cannot run it).</param>
    /// <param name="joinTimeout">How long to try to join before giving up.</param>
    /// <param name="leave">Leaves the cluster at once when cancelled (the coordinator re-issues what was in flight).</param>
    public static WorkerOutcome Run(ClusterEndpoint join, ClusterEndpoint self, int slots, Func<JobOffer, IWorkRunner> runners, TimeSpan joinTimeout, CancellationToken leave = default)
    {
        ArgumentNullException.ThrowIfNull(join);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(runners);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var outcome = new TaskCompletionSource<WorkerOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var system = ActorSystem.Create(ClusterConfiguration.SystemName, ClusterConfiguration.For(self, join, ClusterConfiguration.WorkerRole, joinTimeout));
        try
        {
            system.ActorOf(Props.Create(() => new WorkerActor(slots, runners, outcome)), "worker");
            var cluster = Akka.Cluster.Cluster.Get(system);
            bool joined = false;
            cluster.RegisterOnMemberUp(() => joined = true);
            using var leaving = leave.Register(() => outcome.TrySetResult(new WorkerOutcome(false, "left the cluster before the job was done, as asked", 0)));
            int finished = Task.WaitAny([outcome.Task, system.WhenTerminated], CancellationToken.None);
            if (finished == 0)
            {
                // Done: leave, so the coordinator sees this node go rather than fail. Lost: nobody to tell.
                if (outcome.Task.Result.JobDone) cluster.LeaveAsync(CancellationToken.None).Wait(TimeSpan.FromSeconds(5), CancellationToken.None);
                return outcome.Task.Result;
            }
            return new WorkerOutcome(false, joined
                ? $"this worker's node was downed or stopped by the cluster (the coordinator at {join} no longer sees it)"
                : $"could not join the cluster at {join} within {joinTimeout.TotalSeconds:F0} s: is the coordinator running there (dmactors explore … --cluster {join})?", 0);
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10), CancellationToken.None);
        }
    }
}
