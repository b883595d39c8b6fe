namespace DmaActors.Cluster.Protocol;

/// <summary>Coordinator → worker: the job is over (every needed item is done, or it was refused); the worker leaves.</summary>
/// <param name="Reason">One line for the worker's stderr.</param>
public sealed record JobComplete(string Reason) : IClusterMessage;
