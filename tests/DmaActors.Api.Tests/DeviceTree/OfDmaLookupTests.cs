using DmaActors.Api.OfDma;
using DmaActors.Api.Provider;
using DmaActors.DeviceTree;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.DeviceTree;

public sealed class OfDmaLookupTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private (ApiRig Rig, OfDmaLookup Lookup, DmaActors.DeviceTree.DtTree Tree) BoneWithEdma(bool register = true)
    {
        var rig = new ApiRig(Sys);
        var tree = DtsParser.Parse(SeedBoard.Dts, "bone.dts");
        var lookup = new OfDmaLookup(tree);
        rig.Engine.ChannelLookup = lookup;
        if (register)
        {
            var edma = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("49000000.edma", channels: 64) with { RequestLines = 64 });
            lookup.OfDmaControllerRegister(tree.FindByLabel("dma1")!, edma, OfDmaXlate.Edma);
        }
        return (rig, lookup, tree);
    }

    [Fact]
    public void The_seeds_spi_resolves_tx0_rx0_tx1_rx1_to_channels_with_the_right_request_lines_O2_O3()
    {
        var (rig, _, _) = BoneWithEdma();
        var lines = new Dictionary<string, int?>();
        foreach (var name in new[] { "tx0", "rx0", "tx1", "rx1" })
        {
            var chan = rig.Engine.RequestChan("48030000.spi", name);
            Assert.Equal("dma:" + name, chan.ConsumerName);
            Assert.Equal("48030000.spi", chan.SlaveDevice);
            lines[name] = chan.RequestLine;
        }
        Assert.Equal(new Dictionary<string, int?> { ["tx0"] = 0x10, ["rx0"] = 0x11, ["tx1"] = 0x12, ["rx1"] = 0x13 }, lines);
    }

    [Fact]
    public void The_consumer_can_be_named_by_path_or_label_too()
    {
        var (rig, _, _) = BoneWithEdma();
        Assert.Equal(0x10, rig.Engine.RequestChan("/ocp/spi@48030000", "tx0").RequestLine);
        Assert.Equal(0x11, rig.Engine.RequestChan("spi0", "rx0").RequestLine);
    }

    [Fact]
    public void A_controller_not_yet_registered_defers_the_probe_O3_C2()
    {
        var (rig, _, _) = BoneWithEdma(register: false);
        var failure = Assert.Throws<DmaException>(() => rig.Engine.RequestChan("48030000.spi", "tx0"));
        Assert.Equal("EPROBE_DEFER", failure.Errno);
        Assert.Contains("/ocp/edma@49000000", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_missing_from_dma_names_is_ENODEV_naming_the_node_O3()
    {
        var (rig, _, _) = BoneWithEdma();
        var failure = Assert.Throws<DmaException>(() => rig.Engine.RequestChan("48030000.spi", "rx9"));
        Assert.Equal("ENODEV", failure.Errno);
        Assert.Contains("/ocp/spi@48030000 has no dma-names entry \"rx9\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_a_controller_whose_cells_do_not_fit_its_xlate_is_refused_O5()
    {
        var (rig, lookup, tree) = BoneWithEdma(register: false);
        var edma = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("49000000.edma"));
        var failure = Assert.Throws<DmaException>(() => lookup.OfDmaControllerRegister(tree.FindByLabel("dma1")!, edma, OfDmaXlate.Simple));
        Assert.Equal("EINVAL", failure.Errno);
        Assert.Contains("#dma-cells = <2>", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_channel_id_takes_exactly_that_channel_and_refuses_it_when_taken_O6_O7()
    {
        var rig = new ApiRig(Sys);
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                dmac: dma-controller@1000 { #dma-cells = <1>; dma-channels = <4>; };
                uart@2000 { reg = <0x2000 0x100>; dmas = <&dmac 2>, <&dmac 2>; dma-names = "tx", "rx"; };
            };
            """);
        var lookup = new OfDmaLookup(tree);
        rig.Engine.ChannelLookup = lookup;
        var device = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("1000.dma-controller"));
        lookup.OfDmaControllerRegister(tree.FindByLabel("dmac")!, device, OfDmaXlate.ByChannelId);
        Assert.Equal(2, rig.Engine.RequestChan("2000.uart", "tx").ChanId);
        Assert.Equal("ENODEV", Assert.Throws<DmaException>(() => rig.Engine.RequestChan("2000.uart", "rx")).Errno);
    }

    [Fact]
    public void Dma_channel_mask_words_mark_which_channels_may_be_taken_O1()
    {
        var rig = new ApiRig(Sys);
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                dmac: dma-controller@1000 { #dma-cells = <1>; dma-channel-mask = <0x0000000c>; };
                spi@4000 { reg = <0x4000 0x100>; dmas = <&dmac 1>, <&dmac 2>, <&dmac 3>; dma-names = "a", "b", "c"; };
            };
            """);
        var lookup = new OfDmaLookup(tree);
        rig.Engine.ChannelLookup = lookup;
        lookup.OfDmaControllerRegister(tree.FindByLabel("dmac")!, rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("1000.dma-controller", channels: 4)), OfDmaXlate.Simple);
        // Only channels 2 and 3 are available.
        Assert.Equal(2, rig.Engine.RequestChan("4000.spi", "a").ChanId);
        Assert.Equal(3, rig.Engine.RequestChan("4000.spi", "b").ChanId);
        Assert.Equal("ENODEV", Assert.Throws<DmaException>(() => rig.Engine.RequestChan("4000.spi", "c")).Errno);
    }

    [Fact]
    public void A_request_beyond_dma_requests_is_refused_O1()
    {
        var rig = new ApiRig(Sys);
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                dmac: dma-controller@1000 { #dma-cells = <1>; dma-requests = <16>; };
                mmc@3000 { reg = <0x3000 0x100>; dmas = <&dmac 20>; dma-names = "rx-tx"; };
            };
            """);
        var lookup = new OfDmaLookup(tree);
        rig.Engine.ChannelLookup = lookup;
        lookup.OfDmaControllerRegister(tree.FindByLabel("dmac")!, rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("1000.dma-controller")), OfDmaXlate.Simple);
        var failure = Assert.Throws<DmaException>(() => rig.Engine.RequestChan("3000.mmc", "rx-tx"));
        Assert.Contains("dma-requests = <16>", failure.Message, StringComparison.Ordinal);
    }
}
