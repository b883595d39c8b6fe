namespace DmaActors.Boards.Workloads;

/// <summary>How a controller shared its bus during a run.</summary>
/// <param name="Name">The controller's device name.</param>
/// <param name="Streams">Streams on it.</param>
/// <param name="JainFairness">
/// Jain's fairness index over the streams' bandwidth normalised by their demand
/// (<c>(Σx)² / (n·Σx²)</c>, x = achieved / demanded): 1 when every stream gets the same share of what it asks for.
/// </param>
/// <param name="BusUtilisation">The fraction of the run the controller's bus was busy (its arbiter's count; per-grant overhead included).</param>
public sealed record ControllerReport(string Name, int Streams, double JainFairness, double BusUtilisation);
