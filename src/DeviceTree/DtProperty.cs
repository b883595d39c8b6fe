using System.Buffers.Binary;
using System.Text;

namespace DmaActors.DeviceTree;

/// <summary>
/// A device-tree property: a name and a value encoded as in a flattened tree (cells big-endian
/// 32-bit, strings NUL-terminated), so a DTS and a DTB read the same.
/// </summary>
public sealed class DtProperty
{
    internal DtProperty(string name, byte[] value, SourceLocation location)
    {
        Name = name;
        Value = value;
        Location = location;
    }

    /// <summary>The property name.</summary>
    public string Name { get; }

    /// <summary>The raw value bytes.</summary>
    public byte[] Value { get; internal set; }

    /// <summary>Where it was defined.</summary>
    public SourceLocation Location { get; }

    /// <summary>The node body (a parser's count) that set it: a second one in the same body is dtc's duplicate_property_names.</summary>
    internal int DefinedInBody { get; init; }

    /// <summary>Whether it is a boolean (present, no value).</summary>
    public bool IsEmpty => Value.Length == 0;

    /// <summary>The value as 32-bit cells.</summary>
    /// <exception cref="DtsSyntaxException">The value is not a whole number of cells.</exception>
    public uint[] Cells()
    {
        if (Value.Length % 4 != 0) throw new DtsSyntaxException(Location, $"property '{Name}' is {Value.Length} bytes, not a list of 32-bit cells");
        var cells = new uint[Value.Length / 4];
        for (int i = 0; i < cells.Length; i++) cells[i] = BinaryPrimitives.ReadUInt32BigEndian(Value.AsSpan(4 * i));
        return cells;
    }

    /// <summary>The value as a single cell.</summary>
    public uint Cell() => Value.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(Value) : Cells() is [var only] ? only : throw new DtsSyntaxException(Location, $"property '{Name}' should be one cell, it has {Value.Length / 4}");

    /// <summary>The value as a list of strings.</summary>
    public IReadOnlyList<string> Strings()
    {
        if (Value.Length == 0 || Value[^1] != 0) throw new DtsSyntaxException(Location, $"property '{Name}' is not a NUL-terminated string list");
        return Encoding.UTF8.GetString(Value, 0, Value.Length - 1).Split('\0');
    }

    /// <summary>The value as one string.</summary>
    public string Text() => Strings() is [var only] ? only : throw new DtsSyntaxException(Location, $"property '{Name}' should be one string");

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Value.Length} bytes)";
}
