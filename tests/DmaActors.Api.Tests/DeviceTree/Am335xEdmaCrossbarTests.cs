using DmaActors.Api.OfDma;
using DmaActors.DeviceTree;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.DeviceTree;

/// <summary>The AM335x EDMA event crossbar (ti,am335x-edma-crossbar, O-8, O-10): &lt;line tc mux&gt; to the EDMA's &lt;line tc&gt;, the line's mux set while the channel is held.</summary>
public sealed class Am335xEdmaCrossbarTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const string Board = """
        /dts-v1/;
        / {
            #address-cells = <1>; #size-cells = <1>;
            edma: dma@49000000 { compatible = "ti,edma3-tpcc"; reg = <0x49000000 0x10000>; #dma-cells = <2>; dma-requests = <64>; };
            xbar: dma-router@44e10f90 { compatible = "ti,am335x-edma-crossbar"; reg = <0x44e10f90 0x40>; #dma-cells = <3>; dma-requests = <32>; dma-masters = <&edma>; };
            serial@481a6000 { reg = <0x481a6000 0x1000>; dmas = <&xbar 7 0 7>, <&xbar 12 0 8>; dma-names = "tx", "rx"; };
            mmc@481d8000 { reg = <0x481d8000 0x1000>; dmas = <&xbar 2 0 40>, <&xbar 3 0 2>, <&xbar 99 0 3>; dma-names = "tx", "rx", "bad"; };
        };
        """;

    [Fact]
    public void A_request_maps_the_crossbar_input_onto_the_edma_line_and_release_resets_it_O8_O10()
    {
        var rig = new ApiRig(Sys);
        var tree = DtsParser.Parse(Board, "xbar.dts");
        var lookup = new OfDmaLookup(tree);
        rig.Engine.ChannelLookup = lookup;
        lookup.OfDmaControllerRegister(tree.FindByLabel("edma")!, rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("49000000.dma", channels: 64) with { RequestLines = 64 }), OfDmaXlate.Edma);
        var crossbar = new Am335xEdmaCrossbar(tree, tree.FindByLabel("xbar")!);
        lookup.OfDmaRouterRegister(crossbar);
        var taken = new List<OfDmaRequest>();
        lookup.ChannelTaken += taken.Add;

        var rx = rig.Engine.RequestChan("481a6000.serial", "rx");
        Assert.Equal(("dma0chan12", 12), (rx.Name, rx.RequestLine));
        Assert.Equal(8u, crossbar.Mux[12]);
        var request = Assert.Single(taken);
        Assert.Equal([12u, 0u, 8u], request.ConsumerCells);
        Assert.Equal([12u, 0u], request.Cells);
        Assert.Same(crossbar, request.Router);

        rig.Engine.ReleaseChannel(rx);
        Assert.False(crossbar.Mux.ContainsKey(12));
    }

    [Fact]
    public void Inputs_and_lines_the_crossbar_does_not_have_are_refused_in_the_kernels_words_O10()
    {
        var tree = DtsParser.Parse(Board, "xbar.dts");
        var crossbar = new Am335xEdmaCrossbar(tree, tree.FindByLabel("xbar")!);
        Assert.Contains("Invalid XBAR event number: 40", crossbar.CheckSpecifier([2, 0, 40])!.Value.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid DMA request line number: 99", crossbar.CheckSpecifier([99, 0, 3])!.Value.Message, StringComparison.Ordinal);
        Assert.Contains("takes 3 cells", crossbar.CheckSpecifier([2, 0])!.Value.Message, StringComparison.Ordinal);
        Assert.Null(crossbar.CheckSpecifier([3, 0, 2]));
    }

    [Fact]
    public void A_crossbar_whose_master_is_no_edma_is_refused()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ { pl: dma@1 { compatible = \"arm,pl330\"; #dma-cells = <1>; }; x: r { compatible = \"ti,am335x-edma-crossbar\"; #dma-cells = <3>; dma-masters = <&pl>; }; };");
        var failure = Assert.Throws<DmaException>(() => new Am335xEdmaCrossbar(tree, tree.FindByLabel("x")!));
        Assert.Contains("DMA master is not supported", failure.Message, StringComparison.Ordinal);
    }
}
