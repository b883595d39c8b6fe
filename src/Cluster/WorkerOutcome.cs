namespace DmaActors.Cluster;

/// <summary>How a worker's time in the cluster ended.</summary>
/// <param name="JobDone">The coordinator said the job is over.</param>
/// <param name="Message">One line for stderr: what happened.</param>
/// <param name="ItemsRun">Items this worker ran.</param>
public sealed record WorkerOutcome(bool JobDone, string Message, int ItemsRun);
