using System.Buffers.Binary;
using System.Text;

namespace DmaActors.DeviceTree;

/// <summary>
/// Reads a flattened device tree (DTB): header magic 0xd00dfeed, version 17 (16 and up accepted
/// when last_comp_version ≤ 16), the structure block's BEGIN_NODE / END_NODE / PROP / NOP / END
/// tokens and the strings block. Labels do not survive compilation; phandles do.
/// </summary>
public static class DtbReader
{
    private const uint Magic = 0xd00dfeed;
    private const uint BeginNode = 1, EndNode = 2, Prop = 3, Nop = 4, End = 9;

    /// <summary>Reads <paramref name="blob"/>; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="DtsSyntaxException">The blob is not a valid DTB (the message says which field).</exception>
    public static DtTree Read(byte[] blob, string name = "<dtb>")
    {
        ArgumentNullException.ThrowIfNull(blob);
        var at = new SourceLocation(name, 0, 0);
        if (blob.Length < 40) throw new DtsSyntaxException(at, $"a DTB header is 40 bytes; this blob has {blob.Length}");
        uint Header(int index) => BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(index * 4));
        if (Header(0) != Magic) throw new DtsSyntaxException(at, $"bad magic 0x{Header(0):x8}: expected 0xd00dfeed");
        uint total = Header(1), structOffset = Header(2), stringsOffset = Header(3), version = Header(5), lastCompatible = Header(6);
        uint stringsSize = Header(8), structSize = Header(9);
        if (total > blob.Length) throw new DtsSyntaxException(at, $"totalsize {total} exceeds the blob's {blob.Length} bytes");
        if (version < 16 || lastCompatible > 17) throw new DtsSyntaxException(at, $"version {version} (last compatible {lastCompatible}) is not readable: expected version 17");
        if ((ulong)structOffset + structSize > total || (ulong)stringsOffset + stringsSize > total)
            throw new DtsSyntaxException(at, "the structure or strings block lies outside totalsize");
        var strings = blob.AsSpan((int)stringsOffset, (int)stringsSize).ToArray();
        int position = (int)structOffset, end = (int)(structOffset + structSize);
        DtNode? root = null, current = null;
        while (position + 4 <= end)
        {
            var here = new SourceLocation(name, 0, position);
            uint token = BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(position));
            position += 4;
            switch (token)
            {
                case BeginNode:
                    int nul = Array.IndexOf(blob, (byte)0, position);
                    if (nul < 0 || nul >= end) throw new DtsSyntaxException(here, "unterminated node name");
                    var nodeName = Encoding.UTF8.GetString(blob, position, nul - position);
                    position = Align(nul + 1);
                    if (current is null)
                    {
                        if (root is not null) throw new DtsSyntaxException(here, "a second root node");
                        current = root = new DtNode("", null, here);
                    }
                    else
                    {
                        current = current.GetOrAddChild(nodeName, here);
                    }
                    break;
                case EndNode:
                    current = current?.Parent ?? (current is null ? throw new DtsSyntaxException(here, "END_NODE without BEGIN_NODE") : null);
                    break;
                case Prop:
                    if (current is null) throw new DtsSyntaxException(here, "PROP outside a node");
                    int length = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(position));
                    int nameOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(position + 4));
                    position += 8;
                    if (position + length > end || nameOffset >= strings.Length) throw new DtsSyntaxException(here, "property runs past the structure block or names a string outside the strings block");
                    int nameEnd = Array.IndexOf(strings, (byte)0, nameOffset);
                    var propertyName = Encoding.UTF8.GetString(strings, nameOffset, (nameEnd < 0 ? strings.Length : nameEnd) - nameOffset);
                    current.SetProperty(new DtProperty(propertyName, blob.AsSpan(position, length).ToArray(), here));
                    position = Align(position + length);
                    break;
                case Nop:
                    break;
                case End:
                    return root is not null && current is null ? new DtTree(root) : throw new DtsSyntaxException(here, "END before every node was closed");
                default:
                    throw new DtsSyntaxException(here, $"unknown structure token 0x{token:x}");
            }
        }
        throw new DtsSyntaxException(at, "the structure block has no END token");
    }

    private static int Align(int offset) => (offset + 3) & ~3;
}
