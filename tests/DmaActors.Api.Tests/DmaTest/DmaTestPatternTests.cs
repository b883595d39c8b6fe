using DmaActors.DmaTest;

namespace DmaActors.Api.Tests.DmaTest;

public sealed class DmaTestPatternTests
{
    [Fact]
    public void Byte_zero_of_each_buffer_has_the_kernels_example_values_T10_T11()
    {
        Assert.Equal(0x9F, DmaTestPattern.SourceByte(0, start: 8, len: 8, isMemset: false));
        Assert.Equal(0xDF, DmaTestPattern.SourceByte(0, start: 0, len: 8, isMemset: false));
        Assert.Equal(0x1F, DmaTestPattern.DestinationByte(0, start: 8, len: 8, isMemset: false));
        Assert.Equal(0x3F, DmaTestPattern.DestinationByte(0, start: 0, len: 8, isMemset: false));
    }

    [Fact]
    public void Memset_sources_use_index_1_so_the_fill_value_is_0xDE_T10_T11()
    {
        Assert.Equal(0xDE, DmaTestPattern.SourceByte(100, start: 100, len: 1, isMemset: true));
        Assert.Equal(0x9E, DmaTestPattern.SourceByte(7, start: 100, len: 1, isMemset: true));
        Assert.Equal(0x3E, DmaTestPattern.DestinationByte(5, start: 0, len: 8, isMemset: true));
    }

    [Fact]
    public void The_counter_is_inverted_and_masked_to_five_bits_T10()
    {
        Assert.Equal(0x1F, DmaTestPattern.InvIdx(0, false));
        Assert.Equal(0x00, DmaTestPattern.InvIdx(31, false));
        Assert.Equal(0x1F, DmaTestPattern.InvIdx(32, false));
        Assert.Equal(0x10, DmaTestPattern.InvIdx(0x2f, false));
    }

    [Fact]
    public void Init_fills_whole_buffers_with_the_region_marked_T11()
    {
        var src = new byte[64];
        var dst = new byte[64];
        DmaTestPattern.InitSource(src, 16, 8, false);
        DmaTestPattern.InitDestination(dst, 4, 8, false);

        Assert.Equal(0x80 | (~15 & 0x1f), src[15]);
        Assert.Equal(0xC0 | (~16 & 0x1f), src[16]);
        Assert.Equal(0x80 | (~24 & 0x1f), src[24]);
        Assert.Equal(~3 & 0x1f, dst[3]);
        Assert.Equal(0x20 | (~4 & 0x1f), dst[4]);
        Assert.Equal(~12 & 0x1f, dst[12]);
    }

    [Fact]
    public void Verify_names_each_kind_of_mismatch_with_the_kernels_message_T13()
    {
        var lines = new List<string>();
        var buf = new byte[4];
        DmaTestPattern.InitSource(buf, 0, 0, false);
        buf[2] = 0x00;
        Assert.Equal(1, DmaTestPattern.Verify(lines.Add, "t", buf, 0, 4, 0, DmaTestPattern.Src, isSrcbuf: true, isMemset: false));

        // Destination region expected SRC|COPY: a byte left as the OVERWRITE fill was not copied.
        var region = new byte[] { 0xDF, 0x3E };
        Assert.Equal(1, DmaTestPattern.Verify(lines.Add, "t", region, 0, 2, 0, DmaTestPattern.Src | DmaTestPattern.Copy, false, false));

        // Outside the region: a byte with the SRC bit was copied; anything else is a mismatch.
        var outside = new byte[] { 0x9F, 0x1E, 0x00 };
        Assert.Equal(2, DmaTestPattern.Verify(lines.Add, "t", outside, 0, 3, 0, DmaTestPattern.Dst, false, false));

        Assert.Equal(
            [
                "dmatest: t: srcbuf[0x2] overwritten! Expected 9d, got 00",
                "dmatest: t: dstbuf[0x1] not copied! Expected de, got 3e",
                "dmatest: t: dstbuf[0x0] was copied! Expected 1f, got 9f",
                "dmatest: t: dstbuf[0x2] mismatch! Expected 1d, got 00",
            ],
            lines);
    }

    [Fact]
    public void Verify_prints_32_mismatches_then_how_many_it_suppressed_T13()
    {
        var lines = new List<string>();
        var buf = Enumerable.Repeat((byte)0xFF, 40).ToArray();

        int errors = DmaTestPattern.Verify(lines.Add, "dma0chan0-copy0", buf, 0, 40, 0, DmaTestPattern.Dst, false, false);

        Assert.Equal(40, errors);
        Assert.Equal(33, lines.Count);
        Assert.Equal("dmatest: dma0chan0-copy0: dstbuf[0x1f] was copied! Expected 00, got ff", lines[31]);
        Assert.Equal("dmatest: dma0chan0-copy0: 8 errors suppressed", lines[32]);
    }

    [Fact]
    public void Verify_counts_the_destination_region_from_the_source_offset_T12()
    {
        var lines = new List<string>();
        // A copy of source bytes 5..8 lands at destination 0..3: the counter starts at src_off = 5.
        var dst = Enumerable.Range(5, 4).Select(i => DmaTestPattern.SourceByte(i, 5, 4, false)).ToArray();

        Assert.Equal(0, DmaTestPattern.Verify(lines.Add, "t", dst, 0, 4, 5, DmaTestPattern.Src | DmaTestPattern.Copy, false, false));
        Assert.Empty(lines);
    }
}
