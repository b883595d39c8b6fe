namespace DmaActors.Cluster;

/// <summary>What a cluster run of a job gave.</summary>
/// <param name="Results">Every item's result (those resumed from the record included).</param>
/// <param name="LowestFailure">The lowest failing item (a job that stops at the first failure), or null.</param>
/// <param name="Refusal">Why an item could not run, when one could not; the job ended there.</param>
/// <param name="Reissued">Items handed out again because their worker was lost.</param>
/// <param name="Duplicates">Results dropped because their item was already done.</param>
public sealed record CoordinatorOutcome(IReadOnlyDictionary<int, ItemResult> Results, int? LowestFailure, string? Refusal, int Reissued, int Duplicates);
