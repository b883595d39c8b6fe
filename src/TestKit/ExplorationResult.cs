namespace DmaActors.TestKit;

/// <summary>What a schedule exploration ran.</summary>
/// <param name="Runs">Seeds run.</param>
/// <param name="DistinctSchedules">How many different schedules (trace fingerprints) those seeds produced.</param>
/// <param name="Steps">Steps taken over all runs.</param>
public sealed record ExplorationResult(int Runs, int DistinctSchedules, long Steps);
