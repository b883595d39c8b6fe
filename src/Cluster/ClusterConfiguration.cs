using System.Globalization;
using Akka.Configuration;
using DmaActors.Cluster.Protocol;

namespace DmaActors.Cluster;

/// <summary>
/// The configuration of a node: a plain Akka.NET cluster system (thread-pool dispatcher, real time)
/// on Akka.Remote's TCP transport, one static seed node (the coordinator), the split-brain
/// resolver Akka.NET 1.5 ships as its default downing provider with its recommended
/// keep-majority strategy, and the cluster messages bound to <see cref="ClusterMessageSerializer"/>.
/// </summary>
public static class ClusterConfiguration
{
    /// <summary>The actor system's name on every node (part of every address).</summary>
    public const string SystemName = "dmactors";

    /// <summary>The role of the node that hands out items.</summary>
    public const string CoordinatorRole = "coordinator";

    /// <summary>The role of the nodes that run them.</summary>
    public const string WorkerRole = "worker";

    /// <summary>The configuration of a node at <paramref name="self"/> (port 0: any free one) in the cluster seeded at <paramref name="seed"/>.</summary>
    public static Config For(ClusterEndpoint self, ClusterEndpoint seed, string role, TimeSpan? joinTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(seed);
        string hocon = string.Create(CultureInfo.InvariantCulture, $$"""
            akka {
              # Akka's own log goes to stdout, which carries only the report: the commands say
              # on stderr what matters (a lost node, a lost coordinator) in their own words.
              loglevel = OFF
              stdout-loglevel = OFF
              actor {
                provider = cluster
                serializers { dmactors-cluster = "{{typeof(ClusterMessageSerializer).AssemblyQualifiedName}}" }
                serialization-bindings { "{{typeof(IClusterMessage).FullName}}, {{typeof(IClusterMessage).Assembly.GetName().Name}}" = dmactors-cluster }
              }
              remote.dot-netty.tcp {
                hostname = "{{self.Host}}"
                port = {{self.Port}}
              }
              cluster {
                seed-nodes = ["{{seed.AkkaAddress(SystemName)}}"]
                roles = ["{{role}}"]
                # Akka.NET 1.5's default downing provider, named here so the choice is visible:
                # the split-brain resolver, keep-majority, deciding 20 s after membership settles.
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-majority
                  stable-after = 20s
                }
                shutdown-after-unsuccessful-join-seed-nodes = {{(joinTimeout is { } t ? $"{(int)Math.Ceiling(t.TotalSeconds)}s" : "off")}}
              }
              # Terminate stops a node at once: ClusterCoordinator and ClusterWorker leave first
              # themselves when there is someone to tell, and do not wait on a cluster that
              # cannot converge (a lost node still unreachable) when there is not.
              coordinated-shutdown.exit-clr = off
              coordinated-shutdown.run-by-actor-system-terminate = off
            }
            """);
        return ConfigurationFactory.ParseString(hocon);
    }
}
