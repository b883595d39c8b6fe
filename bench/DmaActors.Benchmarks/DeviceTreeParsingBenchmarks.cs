using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DmaActors.DeviceTree;
using DmaActors.Tests.Shared;

namespace DmaActors.Benchmarks;

/// <summary>
/// Device-tree source parsing against its input's size (issue 13, item 3): <see cref="Count"/>
/// sibling nodes with a reg each, <see cref="Count"/> labelled nodes each referring to the one
/// before (<c>prev = &lt;&amp;l41&gt;</c>: a label look-up and a phandle per node), and a cell list
/// of 20 × <see cref="Count"/> cells (2 M cells, 22 MB of text, at 100,000). The baseline of each
/// is the same tree read from the blob our writer makes of it (<see cref="DtbReader"/>), in the same
/// process and run: if parsing is linear, the Ratio column stays put as <see cref="Count"/> grows
/// tenfold (the mean itself grows tenfold); a quadratic step would multiply it by ten.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class DeviceTreeParsingBenchmarks
{
    private string _nodes = "", _labels = "", _cells = "";
    private byte[] _nodesBlob = [], _labelsBlob = [], _cellsBlob = [];

    [Params(10_000, 100_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _nodes = LargeDeviceTrees.Nodes(Count);
        _labels = LargeDeviceTrees.Labels(Count);
        _cells = LargeDeviceTrees.CellList(20 * Count);
        _nodesBlob = DtbWriter.Write(DtsParser.Parse(_nodes));
        _labelsBlob = DtbWriter.Write(DtsParser.Parse(_labels));
        _cellsBlob = DtbWriter.Write(DtsParser.Parse(_cells));
    }

    [Benchmark(Baseline = true, Description = "DTB read")]
    [BenchmarkCategory("nodes")]
    public DtTree NodesFromBlob() => DtbReader.Read(_nodesBlob);

    [Benchmark(Description = "DTS parse")]
    [BenchmarkCategory("nodes")]
    public DtTree Nodes() => DtsParser.Parse(_nodes);

    [Benchmark(Baseline = true, Description = "DTB read")]
    [BenchmarkCategory("labels")]
    public DtTree LabelsFromBlob() => DtbReader.Read(_labelsBlob);

    [Benchmark(Description = "DTS parse")]
    [BenchmarkCategory("labels")]
    public DtTree Labels() => DtsParser.Parse(_labels);

    [Benchmark(Baseline = true, Description = "DTB read")]
    [BenchmarkCategory("cells")]
    public DtTree CellsFromBlob() => DtbReader.Read(_cellsBlob);

    [Benchmark(Description = "DTS parse")]
    [BenchmarkCategory("cells")]
    public DtTree Cells() => DtsParser.Parse(_cells);
}
