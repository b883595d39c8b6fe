using DmaActors.Tests.Shared;

namespace DmaActors.DeviceTree.Tests;

/// <summary>
/// Parsing is linear in the input (issue 13, item 3), checked without a clock: the bytes a parse
/// allocates on its thread are the same on every run, and grow tenfold, not a hundredfold, when
/// the input does. (The old label look-up walked every node per reference, allocating an iterator
/// per node: 10,000 labels took 7.1 s; a 20 MB cell list took 593 MB.) Times are in bench/README.md.
/// </summary>
public sealed class ParsingScaleTests
{
    [Theory]
    [InlineData("nodes")]
    [InlineData("labels")]
    public void Ten_times_the_input_allocates_about_ten_times_the_bytes(string kind)
    {
        Func<int, string> source = kind == "nodes" ? LargeDeviceTrees.Nodes : LargeDeviceTrees.Labels;
        long small = Allocated(source(5_000)), large = Allocated(source(50_000));
        Assert.InRange((double)large / small, 5, 14);
    }

    [Fact]
    public void A_cell_list_allocates_a_few_times_its_value_and_no_more()
    {
        const int cells = 1_000_000;
        var text = LargeDeviceTrees.CellList(cells);
        long allocated = Allocated(text);
        // The value is 4 MB; a growing buffer and the final array cost about 3 times that.
        Assert.InRange(allocated, 4 * cells, 5 * 4 * cells);
        Assert.Equal(4 * cells, DtsParser.Parse(text).Root.Property("big")!.Value.Length);
    }

    [Fact]
    public void The_last_of_100000_labels_resolves_through_the_chain()
    {
        var tree = DtsParser.Parse(LargeDeviceTrees.Labels(100_000));
        var last = tree.FindByLabel("l99999")!;
        Assert.Equal(tree.FindByLabel("l99998")!.Phandle, last.Property("prev")!.Cell());
        Assert.Equal(100_001, tree.Nodes.Count());
    }

    private static long Allocated(string text)
    {
        DtsParser.Parse(text); // the first parse pays for JIT and static set-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        DtsParser.Parse(text);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
