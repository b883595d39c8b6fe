using DmaActors.Api.OfDma;
using DmaActors.DeviceTree;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.DeviceTree;

/// <summary>
/// of_dma_request_slave_channel with a repeated dma-names entry (issue 14, item 4; O-3), TI
/// EDMA's channel numbers (item 5; of_edma_xlate), and the PL08x binding (issue 12, Deliver 5).
/// </summary>
public sealed class OfDmaNamesAndXlateTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const string Board = """
        /dts-v1/;
        / {
            #address-cells = <1>; #size-cells = <1>;
            edma: dma-controller@49000000 { compatible = "ti,edma3-tpcc"; reg = <0x49000000 0x10000>; #dma-cells = <2>; dma-requests = <64>; };
            other: dma-controller@50000000 { compatible = "dmactors,test-unmodelled"; reg = <0x50000000 0x1000>; #dma-cells = <1>; };
            serial@44e09000 {
                reg = <0x44e09000 0x1000>;
                dmas = <&edma 26 0>, <&edma 27 0>, <&edma 30 0>;
                dma-names = "tx", "rx", "rx";
            };
            serial@48022000 {
                reg = <0x48022000 0x1000>;
                dmas = <&other 5>, <&edma 28 1>, <&other 6>;
                dma-names = "rx", "rx", "tx";
            };
        };
        """;

    private (ApiRig Rig, OfDmaLookup Lookup, DtTree Tree) Start()
    {
        var rig = new ApiRig(Sys);
        var tree = DtsParser.Parse(Board, "names.dts");
        var lookup = new OfDmaLookup(tree);
        rig.Engine.ChannelLookup = lookup;
        var edma = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("49000000.dma-controller", channels: 64) with { RequestLines = 64 });
        lookup.OfDmaControllerRegister(tree.FindByLabel("edma")!, edma, OfDmaXlate.Edma);
        return (rig, lookup, tree);
    }

    [Fact]
    public void Successive_requests_for_a_repeated_name_alternate_between_its_entries_O3()
    {
        var (rig, _, _) = Start();
        var first = rig.Engine.RequestChan("44e09000.serial", "rx");
        var second = rig.Engine.RequestChan("44e09000.serial", "rx");
        // Two entries named "rx" (events 27 and 30): the rotating start index gives each request another one.
        Assert.Equal([27, 30], new[] { first.RequestLine!.Value, second.RequestLine!.Value }.Order());
        rig.Engine.ReleaseChannel(first);
        rig.Engine.ReleaseChannel(second);
        var third = rig.Engine.RequestChan("44e09000.serial", "rx");
        var fourth = rig.Engine.RequestChan("44e09000.serial", "rx");
        Assert.NotEqual(third.RequestLine, fourth.RequestLine);
    }

    [Fact]
    public void An_entry_whose_controller_is_not_registered_is_skipped_for_the_next_of_that_name_O3()
    {
        var (rig, _, _) = Start();
        // "rx" is <&other 5> (never registered) and <&edma 28 1>: whatever the start index, EDMA serves it.
        for (int i = 0; i < 3; i++)
        {
            var chan = rig.Engine.RequestChan("48022000.serial", "rx");
            Assert.Equal((28, "dma0chan28"), (chan.RequestLine, chan.Name));
            rig.Engine.ReleaseChannel(chan);
        }
    }

    [Fact]
    public void Eprobe_defer_only_when_no_entry_of_the_name_gives_a_channel_O3()
    {
        var (rig, _, _) = Start();
        // "tx" has one entry, at the unregistered controller: deferred.
        var deferred = Assert.Throws<DmaException>(() => rig.Engine.RequestChan("48022000.serial", "tx"));
        Assert.Equal(("EPROBE_DEFER", "O-3"), (deferred.Errno, deferred.Rule));
        Assert.Contains("/dma-controller@50000000", deferred.Message, StringComparison.Ordinal);
        // "rx": EDMA's channel 28 taken, the other entry unregistered: still deferred, as the kernel returns.
        rig.Engine.RequestChan("48022000.serial", "rx");
        Assert.Equal("EPROBE_DEFER", Assert.Throws<DmaException>(() => rig.Engine.RequestChan("48022000.serial", "rx")).Errno);
        // Both "rx" entries of the first UART registered but taken: no deferral, ENODEV.
        rig.Engine.RequestChan("44e09000.serial", "rx");
        rig.Engine.RequestChan("44e09000.serial", "rx");
        Assert.Equal("ENODEV", Assert.Throws<DmaException>(() => rig.Engine.RequestChan("44e09000.serial", "rx")).Errno);
    }

    [Fact]
    public void Edma_xlate_gives_the_channel_whose_number_is_the_event()
    {
        var (rig, _, _) = Start();
        var tx = rig.Engine.RequestChan("44e09000.serial", "tx");
        Assert.Equal(("dma0chan26", 26, 26), (tx.Name, tx.ChanId, tx.RequestLine));
        // The event's channel is taken: of_edma_xlate's dma_get_slave_channel gives NULL, no other channel stands in (O-7).
        var taken = Assert.Throws<DmaException>(() => rig.Engine.RequestChan("44e09000.serial", "tx"));
        Assert.Equal(("ENODEV", "O-7"), (taken.Errno, taken.Rule));
    }

    [Fact]
    public void An_edma_event_queue_beyond_its_transfer_controllers_is_refused()
    {
        var rig = new ApiRig(Sys);
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                edma: dma-controller@1000 { compatible = "ti,edma3-tpcc"; reg = <0x1000 0x100>; #dma-cells = <2>; ti,tptcs = <&tc0 7>, <&tc1 0>; };
                tc0: tc@2000 { reg = <0x2000 0x100>; };
                tc1: tc@3000 { reg = <0x3000 0x100>; };
                serial@4000 { reg = <0x4000 0x100>; dmas = <&edma 3 1>, <&edma 4 2>; dma-names = "tx", "rx"; };
            };
            """);
        var lookup = new OfDmaLookup(tree);
        rig.Engine.ChannelLookup = lookup;
        lookup.OfDmaControllerRegister(tree.FindByLabel("edma")!, rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("1000.dma-controller", channels: 8)), OfDmaXlate.Edma);
        Assert.Equal(3, rig.Engine.RequestChan("4000.serial", "tx").ChanId);
        var refused = Assert.Throws<DmaException>(() => rig.Engine.RequestChan("4000.serial", "rx"));
        Assert.Contains("event queue 2 does not exist", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2 transfer controllers", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pl08x_two_cell_specifiers_bind_the_request_signal_and_the_ahb_master()
    {
        var rig = new ApiRig(Sys);
        var tree = DtsParser.Parse("""
            /dts-v1/;
            / {
                dma: dma-controller@31000000 { compatible = "arm,pl080", "arm,primecell"; reg = <0x31000000 0x1000>; #dma-cells = <2>; };
                serial@20080000 { reg = <0x20080000 0x1000>; dmas = <&dma 12 1>, <&dma 13 2>; dma-names = "tx", "rx"; };
            };
            """);
        var lookup = new OfDmaLookup(tree);
        rig.Engine.ChannelLookup = lookup;
        lookup.OfDmaControllerRegister(tree.FindByLabel("dma")!, rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("31000000.dma-controller", channels: 16) with { RequestLines = 16 }), OfDmaXlate.Pl08x);
        var tx = rig.Engine.RequestChan("20080000.serial", "tx");
        var rx = rig.Engine.RequestChan("20080000.serial", "rx");
        // One virtual channel per signal (pl08x_find_chan_id); the second cell is the peripheral's AHB master mask.
        Assert.Equal((12, 12, 1), (tx.ChanId, tx.RequestLine!.Value, tx.PeriphBuses!.Value));
        Assert.Equal((13, 13, 2), (rx.ChanId, rx.RequestLine!.Value, rx.PeriphBuses!.Value));
    }

    [Fact]
    public void A_pl08x_with_one_cell_is_refused_in_the_bindings_words_O5()
    {
        var rig = new ApiRig(Sys);
        var tree = DtsParser.Parse("/dts-v1/;\n/ { dma: dma-controller@1000 { compatible = \"arm,pl080\"; #dma-cells = <1>; }; };");
        var lookup = new OfDmaLookup(tree);
        var failure = Assert.Throws<DmaException>(() => lookup.OfDmaControllerRegister(tree.FindByLabel("dma")!, rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("1000.dma-controller")), OfDmaXlate.Pl08x));
        Assert.Equal(("EINVAL", "O-5"), (failure.Errno, failure.Rule));
        Assert.Contains("DMA channel translation requires two cells", failure.Message, StringComparison.Ordinal);
        Assert.Contains("<request signal, AHB master(s)>", failure.Message, StringComparison.Ordinal);
    }
}
