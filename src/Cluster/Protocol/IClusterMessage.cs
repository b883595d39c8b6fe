namespace DmaActors.Cluster.Protocol;

/// <summary>
/// A message that crosses nodes. Every one is bound to <see cref="ClusterMessageSerializer"/> in
/// the system's <c>serialization-bindings</c>, never to Akka.NET's fallback serializer.
/// </summary>
public interface IClusterMessage;
