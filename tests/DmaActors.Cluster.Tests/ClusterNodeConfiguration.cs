using Akka.Actor;

namespace DmaActors.Cluster.Tests;

/// <summary>One actor system configured as a cluster node is (it never joins), shared by a test class.</summary>
public sealed class ClusterNodeConfiguration : IDisposable
{
    public ActorSystem System { get; } = ActorSystem.Create(
        ClusterConfiguration.SystemName,
        ClusterConfiguration.For(new ClusterEndpoint("127.0.0.1", 0), new ClusterEndpoint("127.0.0.1", 1), ClusterConfiguration.WorkerRole));

    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(10));
}
