namespace DmaActors.Cluster;

/// <summary>What a work item produced.</summary>
/// <param name="Status">Passed, failed or refused.</param>
/// <param name="Payload">The runner's result as text (a study point as JSON, or why the input was refused); empty when there is nothing more to say.</param>
public sealed record ItemResult(ItemStatus Status, string Payload);
