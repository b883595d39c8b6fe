using DmaActors.Actors.Memory;

namespace DmaActors.Actors.Tests.Memory;

/// <summary>
/// Sparse physical memory: zero until written, page-crossing accesses, bus errors (statuses, not
/// exceptions) outside RAM, address-width validation, and disjoint concurrent writers.
/// </summary>
public sealed class PhysicalMemoryTests
{
    private const ulong Base = 0x8000_0000;

    [Fact]
    public void Pages_never_written_read_as_zero_and_are_not_allocated()
    {
        var memory = PhysicalMemory.Create(Base, 64 << 20);
        var buffer = Enumerable.Repeat((byte)0xAA, 3 * PhysicalMemory.PageSize).ToArray();

        Assert.Equal(BusStatus.Ok, memory.Read(Base + 0x123_4567, buffer));

        Assert.All(buffer, b => Assert.Equal(0, b));
        Assert.Equal(0, memory.AllocatedBytes);
    }

    [Fact]
    public void A_write_allocates_only_the_frames_it_touches()
    {
        var memory = PhysicalMemory.Create(Base, 64 << 20);

        // 2 bytes straddling the boundary between storage frame 5 and frame 6.
        Assert.Equal(BusStatus.Ok, memory.Write(Base + (6 * PhysicalMemory.FrameSize) - 1, [1, 2]));

        Assert.Equal(2 * PhysicalMemory.FrameSize, memory.AllocatedBytes);
    }

    [Fact]
    public void Writes_and_reads_across_page_boundaries_round_trip()
    {
        var memory = PhysicalMemory.Create(Base, 1 << 20);
        // Starts 10 bytes before a page boundary and spans three more pages.
        ulong address = Base + PhysicalMemory.PageSize - 10;
        var data = Enumerable.Range(0, (3 * PhysicalMemory.PageSize) + 20).Select(i => (byte)(i * 13 + 1)).ToArray();

        Assert.Equal(BusStatus.Ok, memory.Write(address, data));
        var back = new byte[data.Length];
        Assert.Equal(BusStatus.Ok, memory.Read(address, back));
        Assert.Equal(data, back);

        // Bytes either side are untouched.
        var edges = new byte[2];
        memory.Read(address - 1, edges.AsSpan(0, 1));
        memory.Read(address + (ulong)data.Length, edges.AsSpan(1, 1));
        Assert.Equal(new byte[2], edges);
    }

    [Fact]
    public void Copy_and_fill_work_across_page_boundaries_and_from_unwritten_pages()
    {
        var memory = PhysicalMemory.Create(Base, 1 << 20);
        var data = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 250 + 1)).ToArray();
        memory.Write(Base + 100, data);

        Assert.Equal(BusStatus.Ok, memory.Copy(Base + 100, Base + 0x4_0000 + 4000, data.Length));
        Assert.Equal(BusStatus.Ok, memory.Fill(Base + 0x8_0000 + 4090, 0x5A, 20));
        // Copying from never-written pages writes zeros over what was there.
        memory.Write(Base + 0xC_0000, [9, 9, 9]);
        Assert.Equal(BusStatus.Ok, memory.Copy(Base + 0xE_0000, Base + 0xC_0000, 3));

        var copied = new byte[data.Length];
        memory.Read(Base + 0x4_0000 + 4000, copied);
        Assert.Equal(data, copied);
        var filled = new byte[22];
        memory.Read(Base + 0x8_0000 + 4089, filled);
        Assert.Equal([0, .. Enumerable.Repeat((byte)0x5A, 20), 0], filled);
        var zeroed = new byte[3];
        memory.Read(Base + 0xC_0000, zeroed);
        Assert.Equal(new byte[3], zeroed);
    }

    [Theory]
    [InlineData(Base - 1, 1)] // just below RAM
    [InlineData(Base - 1, 2)] // straddles the start
    [InlineData(Base + (1 << 20) - 1, 2)] // straddles the end
    [InlineData(Base + (1 << 20), 1)] // just past the end
    [InlineData(0UL, 16)] // nowhere near
    [InlineData(ulong.MaxValue - 3, 16)] // would wrap around the address space
    public void Accesses_outside_RAM_are_bus_errors_and_change_nothing(ulong address, int length)
    {
        var memory = PhysicalMemory.Create(Base, 1 << 20);
        memory.Write(Base, [7]);
        long allocated = memory.AllocatedBytes;
        var buffer = Enumerable.Repeat((byte)0xEE, length).ToArray();

        Assert.Equal(BusStatus.ReadError, memory.Read(address, buffer));
        Assert.Equal(BusStatus.WriteError, memory.Write(address, buffer));
        Assert.Equal(BusStatus.WriteError, memory.Fill(address, 1, length));
        Assert.Equal(BusStatus.ReadError, memory.Copy(address, Base, length));
        Assert.Equal(BusStatus.WriteError, memory.Copy(Base, address, length));

        Assert.All(buffer, b => Assert.Equal(0xEE, b)); // a failed read reads nothing
        Assert.Equal(allocated, memory.AllocatedBytes); // a failed write writes nothing
        Assert.False(memory.IsRam(address, length));
    }

    [Fact]
    public void Only_the_RAM_regions_answer_holes_between_them_are_bus_errors()
    {
        var memory = new PhysicalMemory(32, [new RamRegion(0x1000_0000, 0x1000), new RamRegion(0x2000_0000, 0x1000)]);

        Assert.Equal(BusStatus.Ok, memory.Write(0x1000_0FFF, [1]));
        Assert.Equal(BusStatus.Ok, memory.Write(0x2000_0000, [2]));
        Assert.Equal(BusStatus.WriteError, memory.Write(0x1000_1000, [3]));
        Assert.Equal(BusStatus.ReadError, memory.Read(0x1FFF_FFFF, new byte[2]));
    }

    [Theory]
    [InlineData(32, 0xFFFF_FFFFUL)]
    [InlineData(36, 0xF_FFFF_FFFFUL)]
    [InlineData(40, 0xFF_FFFF_FFFFUL)]
    [InlineData(64, ulong.MaxValue)]
    public void The_supported_address_widths_set_the_highest_address(int bits, ulong maxAddress)
    {
        var memory = new PhysicalMemory(bits, [new RamRegion(0, 0x1000)]);

        Assert.Equal(bits, memory.AddressBits);
        Assert.Equal(maxAddress, memory.MaxAddress);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(48)]
    [InlineData(65)]
    public void Other_address_widths_are_rejected(int bits)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PhysicalMemory(bits, [new RamRegion(0, 0x1000)]));
        Assert.Equal("addressBits", error.ParamName);
    }

    [Theory]
    [InlineData(32, 0xFFFF_F000UL, true)] // the last page of 4 GiB
    [InlineData(32, 0xFFFF_F001UL, false)] // one byte past 4 GiB
    [InlineData(32, 0x1_0000_0000UL, false)] // above 4 GiB needs more bits
    [InlineData(36, 0xF_FFFF_F000UL, true)]
    [InlineData(36, 0x10_0000_0000UL, false)]
    [InlineData(40, 0xFF_FFFF_F000UL, true)]
    [InlineData(40, 0x100_0000_0000UL, false)]
    [InlineData(64, 0x8000_0000_0000_0000UL, true)]
    public void A_RAM_region_must_fit_the_address_width(int bits, ulong regionBase, bool fits)
    {
        PhysicalMemory Make() => new(bits, [new RamRegion(regionBase, 0x1000)]);

        if (fits)
        {
            var memory = Make();
            Assert.Equal(BusStatus.Ok, memory.Write(regionBase + 0xFFF, [1]));
        }
        else
        {
            Assert.Throws<ArgumentException>(Make);
        }
    }

    [Fact]
    public void A_RAM_region_may_end_at_the_very_top_of_a_64_bit_address_space()
    {
        // [2^64 - 4 KiB, 2^64) fits 64 address bits exactly, as [2^36 - 4 KiB, 2^36) fits 36.
        var memory = new PhysicalMemory(64, [new RamRegion(ulong.MaxValue - 0xFFF, 0x1000)]);

        Assert.Equal(BusStatus.Ok, memory.Write(ulong.MaxValue, [0x42]));
        var back = new byte[1];
        Assert.Equal(BusStatus.Ok, memory.Read(ulong.MaxValue, back));
        Assert.Equal(0x42, back[0]);
    }

    [Fact]
    public void Empty_zero_sized_and_overlapping_regions_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new PhysicalMemory(32, []));
        Assert.Throws<ArgumentException>(() => new PhysicalMemory(32, [new RamRegion(0x1000, 0)]));
        Assert.Throws<ArgumentException>(() => new PhysicalMemory(32, [new RamRegion(0x1000, 0x2000), new RamRegion(0x2000, 0x1000)]));
    }

    [Fact]
    public void Concurrent_writes_to_disjoint_ranges_from_many_threads_are_all_intact()
    {
        // 2000 writers of 1000 bytes each, packed back to back: most pages are shared by several
        // writers, and most pages are first touched by two writers at once.
        const int writers = 2000, size = 1000;
        var memory = PhysicalMemory.Create(Base, 4 << 20);
        static byte[] Chunk(int writer) => Enumerable.Range(0, size).Select(i => (byte)((writer * 3) + i + 1 | 1)).ToArray();

        var statuses = new BusStatus[writers];
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount) }, writer =>
            statuses[writer] = memory.Write(Base + (ulong)(writer * size), Chunk(writer)));

        Assert.All(statuses, s => Assert.Equal(BusStatus.Ok, s));
        var back = new byte[size];
        for (int writer = 0; writer < writers; writer++)
        {
            memory.Read(Base + (ulong)(writer * size), back);
            Assert.Equal(Chunk(writer), back);
        }
    }

    [Fact]
    public void Concurrent_copies_between_disjoint_ranges_are_all_intact()
    {
        const int copies = 500, size = 3000;
        var memory = PhysicalMemory.Create(Base, 8 << 20);
        var source = Enumerable.Range(0, copies * size).Select(i => (byte)(i % 253 + 1)).ToArray();
        memory.Write(Base, source);
        ulong destination = Base + (4UL << 20);

        Parallel.For(0, copies, copy =>
            Assert.Equal(BusStatus.Ok, memory.Copy(Base + (ulong)(copy * size), destination + (ulong)(copy * size), size)));

        var back = new byte[source.Length];
        memory.Read(destination, back);
        Assert.Equal(source, back);
    }
}
