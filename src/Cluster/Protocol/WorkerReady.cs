namespace DmaActors.Cluster.Protocol;

/// <summary>Worker → coordinator: I am up and can run <paramref name="Slots"/> items at once.</summary>
/// <param name="Slots">Items the worker runs in parallel (its free cores).</param>
public sealed record WorkerReady(int Slots) : IClusterMessage;
