using Akka.Actor;
using DmaActors.Cluster.Protocol;

namespace DmaActors.Cluster.Tests;

/// <summary>Every message that crosses nodes goes through the binding to <see cref="ClusterMessageSerializer"/>, not Akka.NET's fallback, and comes back equal.</summary>
public sealed class ClusterMessageSerializerTests(ClusterNodeConfiguration node) : IClassFixture<ClusterNodeConfiguration>
{
    private readonly ActorSystem _system = node.System;

    public static TheoryData<IClusterMessage> Messages() =>
    [
        new WorkerReady(2),
        new JobOffer("explore", ["--seeds", "2000", "--board", "/boards/a b.dts", "-D", "X=ü"]),
        new ItemAssigned(1999),
        new ItemFinished(7, ItemStatus.Failed, ""),
        new ItemFinished(8, ItemStatus.Passed, "{\"policy\":\"round-robin\",\"x\":1.0000000000000002}"),
        new JobComplete("the job is complete"),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_cluster_message_is_serialized_by_its_bound_serializer_and_round_trips(IClusterMessage message)
    {
        var serialization = _system.Serialization;

        var serializer = serialization.FindSerializerFor(message);
        byte[] bytes = serializer.ToBinary(message);
        string manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var back = serialization.Deserialize(bytes, serializer.Identifier, manifest);

        Assert.IsType<ClusterMessageSerializer>(serializer);
        Assert.Equal(ClusterMessageSerializer.Id, serializer.Identifier);
        Assert.Equal(message.GetType(), back.GetType());
        // Records compare by value; a list inside compares by its items.
        if (message is JobOffer offer) Assert.Equal(offer.Arguments, ((JobOffer)back).Arguments);
        else Assert.Equal(message, back);
    }

    [Fact]
    public void An_unknown_manifest_is_refused_naming_it()
    {
        var serializer = new ClusterMessageSerializer((ExtendedActorSystem)_system);

        var refused = Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary([], "Z"));

        Assert.Contains("'Z'", refused.Message, StringComparison.Ordinal);
    }
}
