using DmaActors.Boards.Workloads;

namespace DmaActors.Cli;

/// <summary>What <c>explore</c> found (its <c>--json</c>).</summary>
/// <param name="SeedsExplored">Seeds run, from 1.</param>
/// <param name="RunMilliseconds">Virtual time per seed.</param>
/// <param name="FailingSeed">The first seed whose run failed verification, or null.</param>
/// <param name="Report">That run's report, or null.</param>
internal sealed record ExploreOutcome(ulong SeedsExplored, double RunMilliseconds, ulong? FailingSeed, WorkloadReport? Report);
