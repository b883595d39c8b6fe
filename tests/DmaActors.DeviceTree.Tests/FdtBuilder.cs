using System.Buffers.Binary;
using System.Text;

namespace DmaActors.DeviceTree.Tests;

/// <summary>Writes a flattened tree token by token, so a test can put any value in any field.</summary>
internal sealed class FdtBuilder
{
    private readonly List<byte> _structure = [];
    private readonly List<byte> _strings = [];

    public FdtBuilder Begin(string name)
    {
        Word(1);
        _structure.AddRange(Encoding.UTF8.GetBytes(name));
        _structure.Add(0);
        Pad();
        return this;
    }

    public FdtBuilder EndNode() => Word(2);

    public FdtBuilder End() => Word(9);

    /// <summary>A PROP with any length and name offset; <paramref name="value"/> is what follows them.</summary>
    public FdtBuilder Prop(uint length, uint nameOffset, byte[] value)
    {
        Word(3);
        Word(length);
        Word(nameOffset);
        _structure.AddRange(value);
        Pad();
        return this;
    }

    /// <summary>A well-formed PROP named <paramref name="name"/>.</summary>
    public FdtBuilder Prop(string name, byte[] value) => Prop((uint)value.Length, Name(name), value);

    /// <summary>The offset of <paramref name="name"/> in the strings block (added at its end).</summary>
    public uint Name(string name)
    {
        uint offset = (uint)_strings.Count;
        _strings.AddRange(Encoding.UTF8.GetBytes(name));
        _strings.Add(0);
        return offset;
    }

    public FdtBuilder Word(uint value)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, value);
        _structure.AddRange(word.ToArray());
        return this;
    }

    public byte[] Build(uint version = 17)
    {
        const int headerSize = 40;
        int structOffset = headerSize, stringsOffset = structOffset + _structure.Count, total = stringsOffset + _strings.Count;
        var blob = new byte[total];
        uint[] header = [0xd00dfeed, (uint)total, (uint)structOffset, (uint)stringsOffset, headerSize, version, 16, 0, (uint)_strings.Count, (uint)_structure.Count];
        for (int i = 0; i < header.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(i * 4), header[i]);
        _structure.CopyTo(blob, structOffset);
        _strings.CopyTo(blob, stringsOffset);
        return blob;
    }

    private void Pad()
    {
        while (_structure.Count % 4 != 0) _structure.Add(0);
    }
}
