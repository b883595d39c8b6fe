namespace DmaActors.Cluster.Protocol;

/// <summary>Coordinator → worker: the job whose items follow (sent once, before the first item).</summary>
/// <param name="Kind">What the items are.</param>
/// <param name="Arguments">How the worker makes them.</param>
public sealed record JobOffer(string Kind, IReadOnlyList<string> Arguments) : IClusterMessage;
