using System.Buffers.Binary;
using System.Text;

namespace DmaActors.DeviceTree;

/// <summary>
/// Reads a flattened device tree (DTB): header magic 0xd00dfeed, version 17 (16 and up accepted
/// when last_comp_version ≤ 16), the structure block's BEGIN_NODE / END_NODE / PROP / NOP / END
/// tokens and the strings block. Labels do not survive compilation; phandles do.
/// </summary>
/// <remarks>
/// Every field is checked against the blob before it is used: a length or offset is unsigned
/// 32-bit and is compared in 64 bits, so no value, however large, can reach past the blob. An
/// error gives the byte offset (<see cref="SourceLocation"/> with line 0) and the node it was in.
/// </remarks>
public static class DtbReader
{
    /// <summary>The largest blob <see cref="DtsFile.Load"/> reads from disk (64 MiB).</summary>
    internal const int MaxBlobBytes = 64 << 20;

    private const uint Magic = 0xd00dfeed;
    private const uint BeginNode = 1, EndNode = 2, Prop = 3, Nop = 4, End = 9;

    /// <summary>Reads <paramref name="blob"/>; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="DtsSyntaxException">The blob is not a valid DTB (the message says which field, at which byte, in which node).</exception>
    public static DtTree Read(byte[] blob, string name = "<dtb>")
    {
        ArgumentNullException.ThrowIfNull(blob);
        var at = new SourceLocation(name, 0, 0);
        if (blob.Length < 36) throw new DtsSyntaxException(at, $"a DTB header is 40 bytes (36 for version 16); this blob has {blob.Length}");
        uint Header(int index) => BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(index * 4));
        if (Header(0) != Magic) throw new DtsSyntaxException(at, $"bad magic 0x{Header(0):x8}: expected 0xd00dfeed");
        uint total = Header(1), structOffset = Header(2), stringsOffset = Header(3), version = Header(5), lastCompatible = Header(6), stringsSize = Header(8);
        if (version < 16 || lastCompatible > 17) throw new DtsSyntaxException(at, $"version {version} (last compatible {lastCompatible}) is not readable: expected version 17");
        if (version >= 17 && blob.Length < 40) throw new DtsSyntaxException(at, $"a version {version} DTB header is 40 bytes; this blob has {blob.Length}");
        if (total > blob.Length) throw new DtsSyntaxException(at, $"totalsize {total} exceeds the blob's {blob.Length} bytes");
        // Version 16 has no size_dt_struct: the structure block runs to the end.
        ulong structSize = version >= 17 ? Header(9) : total - (ulong)Math.Min(structOffset, total);
        if ((ulong)structOffset + structSize > total || (ulong)stringsOffset + stringsSize > total)
            throw new DtsSyntaxException(at, $"the structure block ({structOffset}+{structSize}) or the strings block ({stringsOffset}+{stringsSize}) lies outside totalsize {total}");
        return new Reader(blob, name, (int)structOffset, (int)(structOffset + structSize), blob.AsMemory((int)stringsOffset, (int)stringsSize)).Read();
    }

    /// <summary>One walk over the structure block.</summary>
    private sealed class Reader(byte[] blob, string name, int start, int end, ReadOnlyMemory<byte> strings)
    {
        private readonly Dictionary<uint, string> _names = [];
        private DtNode? _root;
        private DtNode? _current;
        private int _position = -1;

        public DtTree Read()
        {
            _position = start;
            while (_position + 4 <= end)
            {
                int here = _position;
                uint token = BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(_position));
                _position += 4;
                switch (token)
                {
                    case BeginNode: OnBeginNode(here); break;
                    case EndNode: _current = _current is null ? throw Fail(here, "END_NODE without a BEGIN_NODE") : _current.Parent; break;
                    case Prop: OnProp(here); break;
                    case Nop: break;
                    case End:
                        if (_root is null) throw Fail(here, "END before any node");
                        if (_current is not null) throw Fail(here, "END before every node was closed");
                        var tree = new DtTree(_root);
                        DtValidation.Check(tree);
                        return tree;
                    default: throw Fail(here, $"unknown structure token 0x{token:x}");
                }
            }
            throw Fail(_position, "the structure block ends without an END token");
        }

        private void OnBeginNode(int here)
        {
            int nul = Array.IndexOf(blob, (byte)0, _position, end - _position);
            if (nul < 0) throw Fail(here, "a node name runs past the structure block (no NUL)");
            var nodeName = Encoding.UTF8.GetString(blob, _position, nul - _position);
            _position = Align(nul + 1);
            var location = new SourceLocation(name, 0, here);
            if (_current is null)
            {
                if (_root is not null) throw Fail(here, "a second root node");
                _current = _root = new DtNode("", null, location);
                return;
            }
            if (nodeName.Length == 0 || nodeName.Contains('/', StringComparison.Ordinal))
                throw Fail(here, $"node name '{nodeName}' is empty or has a '/' (dtc: node_name_chars)");
            if (_current.Depth + 1 >= DtsParser.MaxNodeDepth)
                throw Fail(here, $"node '{nodeName}' is nested {_current.Depth + 1} levels deep: at most {DtsParser.MaxNodeDepth - 1} levels below the root (Linux's FDT_MAX_DEPTH: unflatten_device_tree() drops deeper nodes)");
            if (_current.Child(nodeName) is { } twin && twin.Name == nodeName) throw Fail(here, $"a second node '{nodeName}' (dtc: duplicate_node_names)");
            _current = _current.AddChild(nodeName, location);
        }

        private void OnProp(int here)
        {
            if (_current is null) throw Fail(here, "PROP outside a node");
            if (_position + 8 > end) throw Fail(here, "a PROP's length and name offset run past the structure block");
            uint length = BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(_position));
            uint nameOffset = BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(_position + 4));
            _position += 8;
            if ((ulong)_position + length > (ulong)end) throw Fail(here, $"a property of {length} bytes runs past the structure block ({end - _position} bytes left)");
            var propertyName = PropertyName(here, nameOffset);
            if (_current.Property(propertyName) is not null) throw Fail(here, $"a second property '{propertyName}' (dtc: duplicate_property_names)");
            _current.SetProperty(new DtProperty(propertyName, blob.AsSpan(_position, (int)length).ToArray(), new SourceLocation(name, 0, here)));
            _position = Align(_position + (int)length);
        }

        /// <summary>The NUL-terminated string at <paramref name="offset"/> of the strings block, read once however many properties name it.</summary>
        private string PropertyName(int here, uint offset)
        {
            if (_names.TryGetValue(offset, out var known)) return known;
            if (offset >= strings.Length) throw Fail(here, $"a property's name offset {offset} is outside the strings block ({strings.Length} bytes)");
            var span = strings.Span[(int)offset..];
            int nul = span.IndexOf((byte)0);
            if (nul < 0) throw Fail(here, $"the property name at offset {offset} of the strings block has no NUL before the block ends");
            if (nul == 0) throw Fail(here, "a property with an empty name (dtc: property_name_chars)");
            return _names[offset] = Encoding.UTF8.GetString(span[..nul]);
        }

        /// <summary>Structure offsets are aligned to 4 bytes from the block's start (libfdt's FDT_TAGALIGN).</summary>
        private int Align(int offset) => start + ((offset - start + 3) & ~3);

        private DtsSyntaxException Fail(int offset, string message) =>
            new(new SourceLocation(name, 0, offset), _current is null ? message : $"in {_current.Path}: {message}");
    }
}
