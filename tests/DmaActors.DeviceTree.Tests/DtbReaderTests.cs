using System.Buffers.Binary;

namespace DmaActors.DeviceTree.Tests;

/// <summary>
/// Blobs with fields that lie (issue 13): every one refused with the byte offset, the node it was
/// in and what is wrong, never an ArgumentOutOfRange or IndexOutOfRange.
/// </summary>
public sealed class DtbReaderTests
{
    [Theory]
    [InlineData(0xFFFF_FFFFu, "a property of 4294967295 bytes runs past the structure block")]
    [InlineData(0x8000_0000u, "a property of 2147483648 bytes runs past the structure block")]
    [InlineData(64u, "a property of 64 bytes runs past the structure block")]
    public void A_property_length_that_is_negative_as_int_or_past_the_block_is_refused(uint length, string rule)
    {
        var blob = new FdtBuilder().Begin("").Prop(length, 0, [0, 0, 0, 1]).EndNode().End().Build();
        var failure = Refusal.OfBlob(blob, rule);
        Assert.Contains("in /:", failure.Message, StringComparison.Ordinal);
        Assert.Equal(48, failure.Location.Column); // the PROP token: header 40, root's BEGIN_NODE and name 8
    }

    [Theory]
    [InlineData(0xFFFF_FFFFu, "name offset 4294967295 is outside the strings block")]
    [InlineData(0x8000_0000u, "name offset 2147483648 is outside the strings block")]
    [InlineData(5u, "name offset 5 is outside the strings block")]
    public void A_name_offset_that_is_negative_as_int_or_past_the_strings_is_refused(uint offset, string rule)
    {
        var builder = new FdtBuilder();
        builder.Name("ok");
        Refusal.OfBlob(builder.Begin("").Prop(4, offset, [0, 0, 0, 1]).EndNode().End().Build(), rule);
    }

    [Fact]
    public void A_name_without_its_nul_in_the_strings_block_is_refused()
    {
        var blob = new FdtBuilder().Begin("").Prop("reg", [0, 0, 0, 1]).EndNode().End().Build();
        blob[^1] = (byte)'x'; // the strings block ends the blob: its last NUL becomes a letter
        Refusal.OfBlob(blob, "has no NUL before the block ends");
    }

    [Fact]
    public void Every_truncation_and_every_header_field_set_to_every_awkward_value_is_refused_cleanly()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ { #address-cells = <1>; #size-cells = <1>; a: n@1 { reg = <1 2>; s = \"x\"; }; m { p = <&a>; }; };");
        var blob = DtbWriter.Write(tree);
        for (int length = 0; length < blob.Length; length++)
        {
            // Cut short and claiming its true size, and cut short with its header fixed to match.
            Assert.Throws<DtsSyntaxException>(() => DtbReader.Read(blob[..length], "cut.dtb"));
            if (length < 40) continue;
            var fixedUp = blob[..length];
            BinaryPrimitives.WriteUInt32BigEndian(fixedUp.AsSpan(4), (uint)length);
            try
            {
                DtbReader.Read(fixedUp, "cut.dtb");
            }
            catch (DtsSyntaxException)
            {
            }
        }
        foreach (int field in Enumerable.Range(1, 9))
        {
            foreach (uint value in new uint[] { 0, 1, 3, 39, 40, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFC, 0xFFFF_FFFF, (uint)blob.Length, (uint)blob.Length + 1 })
            {
                var changed = (byte[])blob.Clone();
                BinaryPrimitives.WriteUInt32BigEndian(changed.AsSpan(field * 4), value);
                try
                {
                    DtbReader.Read(changed, "field.dtb");
                }
                catch (DtsSyntaxException)
                {
                }
            }
        }
    }

    [Theory]
    [InlineData(new uint[] { 2 }, "END_NODE without a BEGIN_NODE")]
    [InlineData(new uint[] { 3, 0, 0 }, "PROP outside a node")]
    [InlineData(new uint[] { 9 }, "END before any node")]
    [InlineData(new uint[] { 7 }, "unknown structure token 0x7")]
    [InlineData(new uint[] { 4, 4 }, "the structure block ends without an END token")]
    public void A_structure_out_of_order_is_refused(uint[] words, string rule)
    {
        var builder = new FdtBuilder();
        foreach (var word in words) builder.Word(word);
        Refusal.OfBlob(builder.Build(), rule);
    }

    [Fact]
    public void Nodes_nested_past_linuxs_fdt_max_depth_are_refused_and_63_levels_are_read()
    {
        var deep = new FdtBuilder().Begin("");
        for (int i = 0; i < 100_000; i++) deep.Begin("n");
        Refusal.OfBlob(deep.Build(), "nested 64 levels deep: at most 63 levels below the root (Linux's FDT_MAX_DEPTH");

        var deepest = new FdtBuilder().Begin("");
        for (int i = 0; i < 63; i++) deepest.Begin("n");
        for (int i = 0; i < 64; i++) deepest.EndNode();
        Assert.Equal(64, DtbReader.Read(deepest.End().Build()).Nodes.Count());
    }

    [Theory]
    [InlineData("n", "n", "a second node 'n' (dtc: duplicate_node_names)")]
    [InlineData("", "n", "node name '' is empty or has a '/'")]
    [InlineData("a/b", "n", "node name 'a/b' is empty or has a '/'")]
    public void A_node_name_that_would_make_paths_ambiguous_is_refused(string first, string second, string rule) =>
        Refusal.OfBlob(new FdtBuilder().Begin("").Begin(first).EndNode().Begin(second).EndNode().EndNode().End().Build(), rule);

    [Fact]
    public void A_property_twice_in_a_node_or_with_an_empty_name_is_refused()
    {
        Refusal.OfBlob(new FdtBuilder().Begin("").Prop("x", []).Prop("x", []).EndNode().End().Build(), "a second property 'x' (dtc: duplicate_property_names)");
        Refusal.OfBlob(new FdtBuilder().Begin("").Prop("", []).EndNode().End().Build(), "a property with an empty name");
    }

    [Fact]
    public void Phandle_and_cell_count_rules_hold_for_blobs_too()
    {
        var failure = Refusal.OfBlob(new FdtBuilder().Begin("").Begin("p").Prop("phandle", [0, 0, 0, 1]).EndNode().Begin("q").Prop("phandle", [0, 0, 0, 1]).EndNode().EndNode().End().Build(), "/q: duplicated phandle 0x1 (seen before at /p)");
        Assert.True(failure.Location.Column > 40);
        Refusal.OfBlob(new FdtBuilder().Begin("").Prop("#address-cells", [0, 0, 0, 0]).Begin("m").Prop("reg", [0, 0, 0, 1]).EndNode().EndNode().End().Build(), "/m has 'reg' but its bus's #address-cells is 0");
    }

    [Fact]
    public void Many_properties_naming_one_long_string_read_it_once()
    {
        var builder = new FdtBuilder().Begin("");
        uint name = builder.Name(new string('p', 100_000));
        for (int i = 0; i < 2; i++) builder.Prop(0, name, []);
        // Two same-named properties: refused, after one read of the name (the cache makes 100,000 of them linear too).
        Refusal.OfBlob(builder.EndNode().End().Build(), "a second property 'ppp");
    }

    [Fact]
    public void A_version_16_blob_without_a_structure_size_is_read_to_its_end()
    {
        var blob = new FdtBuilder().Begin("").Prop("x", [0, 0, 0, 7]).EndNode().End().Build(version: 16);
        BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(36), 0xFFFF_FFFF); // no such field in v16: ignored
        Assert.Equal(7u, DtbReader.Read(blob).Root.Property("x")!.Cell());
    }
}
