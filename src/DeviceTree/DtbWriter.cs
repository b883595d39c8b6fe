using System.Buffers.Binary;
using System.Text;

namespace DmaActors.DeviceTree;

/// <summary>Writes a tree as a flattened device tree, version 17 (what dtc -O dtb produces, minus labels).</summary>
public static class DtbWriter
{
    /// <summary>The DTB bytes of <paramref name="tree"/>.</summary>
    public static byte[] Write(DtTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var structure = new List<byte>();
        var strings = new List<byte>();
        var stringOffsets = new Dictionary<string, int>(StringComparer.Ordinal);
        WriteNode(tree.Root, structure, strings, stringOffsets);
        Word(structure, 9);
        const int headerSize = 40, reserveMapSize = 16;
        int structOffset = headerSize + reserveMapSize;
        int stringsOffset = structOffset + structure.Count;
        int total = stringsOffset + strings.Count;
        var blob = new byte[total];
        uint[] header = [0xd00dfeed, (uint)total, (uint)structOffset, (uint)stringsOffset, headerSize, 17, 16, 0, (uint)strings.Count, (uint)structure.Count];
        for (int i = 0; i < header.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(i * 4), header[i]);
        structure.CopyTo(blob, structOffset);
        strings.CopyTo(blob, stringsOffset);
        return blob;
    }

    private static void WriteNode(DtNode node, List<byte> structure, List<byte> strings, Dictionary<string, int> offsets)
    {
        Word(structure, 1);
        structure.AddRange(Encoding.UTF8.GetBytes(node.Name));
        structure.Add(0);
        Pad(structure);
        foreach (var property in node.Properties)
        {
            if (!offsets.TryGetValue(property.Name, out int offset))
            {
                offset = strings.Count;
                offsets[property.Name] = offset;
                strings.AddRange(Encoding.UTF8.GetBytes(property.Name));
                strings.Add(0);
            }
            Word(structure, 3);
            Word(structure, (uint)property.Value.Length);
            Word(structure, (uint)offset);
            structure.AddRange(property.Value);
            Pad(structure);
        }
        foreach (var child in node.Children) WriteNode(child, structure, strings, offsets);
        Word(structure, 2);
    }

    private static void Word(List<byte> bytes, uint value)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, value);
        bytes.AddRange(word.ToArray());
    }

    private static void Pad(List<byte> bytes)
    {
        while (bytes.Count % 4 != 0) bytes.Add(0);
    }
}
