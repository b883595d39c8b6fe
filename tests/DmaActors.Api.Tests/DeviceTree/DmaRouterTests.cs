using DmaActors.Api.OfDma;
using DmaActors.DeviceTree;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.DeviceTree;

public sealed class DmaRouterTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const string Board = """
        /dts-v1/;
        / {
            edma: edma@49000000 { compatible = "ti,edma3-tpcc"; #dma-cells = <2>; dma-requests = <4>; };
            xbar: dma-router@4a002b78 {
                compatible = "ti,dra7-dma-crossbar";
                #dma-cells = <2>;
                dma-requests = <205>;
                dma-masters = <&edma>;
                ti,reserved-dma-request-ranges = <0 1>;
            };
            uart@1000 { reg = <0x1000 0x100>; dmas = <&xbar 49 0>, <&xbar 50 0>; dma-names = "tx", "rx"; };
            mmc@2000 { reg = <0x2000 0x100>; dmas = <&xbar 61 1>, <&xbar 62 1>; dma-names = "tx", "rx"; };
            bad@3000 { reg = <0x3000 0x100>; dmas = <&xbar 300 0>; dma-names = "rx"; };
        };
        """;

    private (ApiRig Rig, DmaActors.DeviceTree.DtTree Tree) Start()
    {
        var rig = new ApiRig(Sys);
        var tree = DtsParser.Parse(Board, "router.dts");
        var lookup = new OfDmaLookup(tree);
        rig.Engine.ChannelLookup = lookup;
        var edma = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("49000000.edma", channels: 4) with { RequestLines = 4 });
        lookup.OfDmaControllerRegister(tree.FindByLabel("edma")!, edma, OfDmaXlate.Edma);
        lookup.OfDmaRouterRegister(new Dra7DmaCrossbar(tree, tree.FindByLabel("xbar")!));
        return (rig, tree);
    }

    [Fact]
    public void The_crossbar_routes_each_consumer_to_the_first_free_unreserved_line_of_its_master_O8_O10()
    {
        var (rig, _) = Start();
        var tx = rig.Engine.RequestChan("1000.uart", "tx");
        var rx = rig.Engine.RequestChan("1000.uart", "rx");
        // Line 0 is reserved; the two inputs get lines 1 and 2 of the EDMA.
        Assert.Equal((1, 2), (tx.RequestLine, rx.RequestLine));
    }

    [Fact]
    public void Releasing_a_channel_frees_its_route_O8()
    {
        var (rig, _) = Start();
        var first = rig.Engine.RequestChan("1000.uart", "tx");
        rig.Engine.RequestChan("1000.uart", "rx");
        rig.Engine.RequestChan("2000.mmc", "tx");
        Assert.Equal("ENOMEM", Assert.Throws<DmaException>(() => rig.Engine.RequestChan("2000.mmc", "rx")).Errno);
        rig.Engine.ReleaseChannel(first);
        Assert.Equal(1, rig.Engine.RequestChan("2000.mmc", "rx").RequestLine);
    }

    [Fact]
    public void An_input_beyond_the_crossbars_requests_is_refused_with_the_kernels_message_O10()
    {
        var (rig, _) = Start();
        var failure = Assert.Throws<DmaException>(() => rig.Engine.RequestChan("3000.bad", "rx"));
        Assert.Equal("EINVAL", failure.Errno);
        Assert.Contains("Invalid XBAR request number: 300", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_router_without_dma_masters_is_refused_O9()
    {
        var tree = DtsParser.Parse("/dts-v1/;\n/ { x: r { compatible = \"ti,dra7-dma-crossbar\"; #dma-cells = <1>; }; };");
        var failure = Assert.Throws<DmaException>(() => new Dra7DmaCrossbar(tree, tree.FindByLabel("x")!));
        Assert.Contains("dma-masters", failure.Message, StringComparison.Ordinal);
    }
}
