namespace DmaActors.Cluster.Protocol;

/// <summary>Coordinator → worker: run item <paramref name="Item"/> (the worker had a free slot).</summary>
/// <param name="Item">The item's number.</param>
public sealed record ItemAssigned(int Item) : IClusterMessage;
