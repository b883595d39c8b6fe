namespace DmaActors.Cluster.Protocol;

/// <summary>Worker → coordinator: item <paramref name="Item"/> is done; its slot is free again (the pull for the next item).</summary>
/// <param name="Item">The item's number.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Payload">Its result as text.</param>
public sealed record ItemFinished(int Item, ItemStatus Status, string Payload) : IClusterMessage;
