using Akka.Actor;
using System.Runtime.Serialization;
using Akka.Serialization;

namespace DmaActors.Cluster.Protocol;

/// <summary>
/// The wire format of <see cref="IClusterMessage"/>s: a one-letter manifest names the record, its
/// fields follow in a compact binary layout (7-bit lengths, UTF-8 strings). Bound in the cluster's
/// configuration (<see cref="ClusterConfiguration"/>) under identifier <see cref="Id"/>.
/// </summary>
public sealed class ClusterMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer's identifier on the wire (Akka.NET reserves 0 to 100 for its own).</summary>
    public const int Id = 1717;

    /// <inheritdoc/>
    public override int Identifier => Id;

    /// <inheritdoc/>
    public override string Manifest(object o) => o switch
    {
        WorkerReady => "R",
        JobOffer => "J",
        ItemAssigned => "A",
        ItemFinished => "F",
        JobComplete => "C",
        _ => throw new ArgumentException($"{o?.GetType().FullName ?? "null"} is not a cluster message of dmactors.", nameof(o)),
    };

    /// <inheritdoc/>
    public override byte[] ToBinary(object obj)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            switch (obj)
            {
                case WorkerReady ready:
                    writer.Write7BitEncodedInt(ready.Slots);
                    break;
                case JobOffer offer:
                    writer.Write(offer.Kind);
                    writer.Write7BitEncodedInt(offer.Arguments.Count);
                    foreach (string argument in offer.Arguments) writer.Write(argument);
                    break;
                case ItemAssigned assigned:
                    writer.Write7BitEncodedInt(assigned.Item);
                    break;
                case ItemFinished finished:
                    writer.Write7BitEncodedInt(finished.Item);
                    writer.Write((byte)finished.Status);
                    writer.Write(finished.Payload);
                    break;
                case JobComplete complete:
                    writer.Write(complete.Reason);
                    break;
                default:
                    throw new ArgumentException($"{obj?.GetType().FullName ?? "null"} is not a cluster message of dmactors.", nameof(obj));
            }
        }
        return buffer.ToArray();
    }

    /// <inheritdoc/>
    public override object FromBinary(byte[] bytes, string manifest)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        return manifest switch
        {
            "R" => new WorkerReady(reader.Read7BitEncodedInt()),
            "J" => new JobOffer(reader.ReadString(), [.. Enumerable.Range(0, reader.Read7BitEncodedInt()).Select(_ => reader.ReadString())]),
            "A" => new ItemAssigned(reader.Read7BitEncodedInt()),
            "F" => new ItemFinished(reader.Read7BitEncodedInt(), Status(reader.ReadByte()), reader.ReadString()),
            "C" => new JobComplete(reader.ReadString()),
            _ => throw new SerializationException($"unknown cluster message manifest '{manifest}' (a node of another dmactors version?)."),
        };
    }

    private static ItemStatus Status(byte value) =>
        Enum.IsDefined((ItemStatus)value) ? (ItemStatus)value : throw new SerializationException($"item status {value} is not one of {string.Join(", ", Enum.GetNames<ItemStatus>())}.");
}
