using DmaActors.Api.Provider;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

public sealed class RequestTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void Request_channel_scans_devices_in_registration_order_and_needs_the_mask_to_be_a_subset_C7()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice("m", channels: 1));
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("s", channels: 2));

        var memcpy = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        var slave = rig.Engine.RequestChannel(DmaCapMask.Slave | DmaCapMask.Memcpy, null, null)!;
        var nextMemcpy = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;

        Assert.Equal("dma0chan0", memcpy.Name);
        Assert.Equal("dma1chan0", slave.Name);
        Assert.Equal("dma1chan1", nextMemcpy.Name);
    }

    [Fact]
    public void Request_channel_takes_the_first_free_channel_the_filter_accepts_and_returns_null_when_none_does_C7()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 3));
        var seen = new List<string>();

        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, (c, p) => { seen.Add(c.Name); return c.ChanId == (int)p!; }, 2);

        Assert.Equal("dma0chan2", chan!.Name);
        Assert.Equal(["dma0chan0", "dma0chan1", "dma0chan2"], seen);
        Assert.Null(rig.Engine.RequestChannel(DmaCapMask.Memcpy, (c, _) => c.ChanId == 2, null));
        Assert.Null(rig.Engine.RequestChannel(DmaCapMask.Cyclic, null, null));
    }

    [Fact]
    public void A_channel_is_exclusive_to_its_client_until_released_C6()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 1));

        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        Assert.Null(rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null));

        rig.Engine.ReleaseChannel(chan);
        Assert.NotNull(rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null));
    }

    [Fact]
    public void Private_allocation_counts_on_the_device_and_release_decrements_C9()
    {
        var rig = new ApiRig(Sys);
        var device = rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 2));
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        Assert.Equal(1, device.PrivateCount);
        rig.Engine.ReleaseChannel(chan);
        Assert.Equal(0, device.PrivateCount);
    }

    [Fact]
    public void Request_chan_finds_the_channel_through_the_slave_map_and_names_it_C3_C5()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice("m"));
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice("s") with
        {
            FilterMap = [new DmaSlaveMap("uart0", "rx", 5), new DmaSlaveMap("uart0", "tx", 6)],
            FilterFn = (c, p) => c.ChanId == (int)p! - 5,
        });

        var rx = rig.Engine.RequestChan("uart0", "rx");
        var tx = rig.Engine.RequestChan("uart0", "tx");

        Assert.Equal(("dma1chan0", 5, "dma:rx", "uart0"), (rx.Name, rx.RequestLine!.Value, rx.ConsumerName!, rx.SlaveDevice!));
        Assert.Equal(("dma1chan1", 6), (tx.Name, tx.RequestLine!.Value));
    }

    [Fact]
    public void Request_chan_with_nothing_matching_is_EPROBE_DEFER_never_null_C4()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice() with { FilterMap = [new DmaSlaveMap("uart0", "rx", 5)] });

        DmaExceptionAssert.Throws("EPROBE_DEFER", "C-4", () => rig.Engine.RequestChan("uart1", "rx"));
        DmaExceptionAssert.Throws("EPROBE_DEFER", "C-4", () => rig.Engine.RequestChan("uart0", "tx"));
    }

    [Fact]
    public void Firmware_lookup_wins_its_EPROBE_DEFER_is_returned_at_once_and_its_other_errors_only_without_a_map_match_C1_C2_C4()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice() with { FilterMap = [new DmaSlaveMap("uart0", "rx", 5)] });
        var lookup = new ScriptedLookup();
        rig.Engine.ChannelLookup = lookup;

        lookup.Error = new DmaException("EPROBE_DEFER", "C-2", "provider not probed");
        DmaExceptionAssert.Throws("EPROBE_DEFER", "C-2", () => rig.Engine.RequestChan("uart0", "rx"));

        lookup.Error = new DmaException("ENODEV", "O-1", "no such dma-names entry");
        DmaExceptionAssert.Throws("ENODEV", "O-1", () => rig.Engine.RequestChan("spi0", "rx"));
        Assert.Equal(5, rig.Engine.RequestChan("uart0", "rx").RequestLine);

        lookup.Error = null;
        lookup.Take = true;
        var fromFirmware = rig.Engine.RequestChan("spi0", "tx");
        Assert.Equal("dma:tx", fromFirmware.ConsumerName);
    }

    [Fact]
    public void Request_chan_by_mask_is_ENODEV_for_an_empty_mask_or_no_channel_and_EPROBE_DEFER_with_no_device_C11()
    {
        var rig = new ApiRig(Sys);
        DmaExceptionAssert.Throws("EPROBE_DEFER", "C-11", () => rig.Engine.RequestChanByMask(DmaCapMask.Memcpy));
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 1));
        DmaExceptionAssert.Throws("ENODEV", "C-11", () => rig.Engine.RequestChanByMask(DmaCapMask.None));
        DmaExceptionAssert.Throws("ENODEV", "C-11", () => rig.Engine.RequestChanByMask(DmaCapMask.Cyclic));
        Assert.Equal("dma0chan0", rig.Engine.RequestChanByMask(DmaCapMask.Memcpy).Name);
    }

    [Fact]
    public void Any_call_on_a_released_channel_throws_and_a_second_release_is_refused_C13()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice(channels: 1));
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.None)!;

        rig.Engine.ReleaseChannel(chan);

        DmaExceptionAssert.Throws("ENODEV", "C-13", chan.IssuePending);
        DmaExceptionAssert.Throws("ENODEV", "C-13", () => chan.TxStatus(2));
        DmaExceptionAssert.Throws("ENODEV", "C-13", () => desc.Submit());
        DmaExceptionAssert.Throws("ENODEV", "C-13", chan.Pause);
        DmaExceptionAssert.Throws("ENODEV", "C-13", () => chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.None));
        DmaExceptionAssert.Throws("EINVAL", "C-13", () => rig.Engine.ReleaseChannel(chan));
        var again = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        Assert.Equal(chan.Name, again.Name);
        DmaExceptionAssert.Throws("ENODEV", "C-13", chan.IssuePending);
    }

    [Fact]
    public void Release_synchronizes_so_no_callback_runs_after_it_returns_C13()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        int callbacks = 0;
        for (int i = 0; i < 4; i++)
        {
            var desc = chan.PrepDmaMemcpy(ApiRig.Destination(i), ApiRig.Source(i), 4096, DmaCtrlFlags.PrepInterrupt)!;
            desc.Callback = _ => Interlocked.Increment(ref callbacks);
            desc.Submit();
        }
        chan.IssuePending();
        rig.RunUntil(() => Volatile.Read(ref callbacks) >= 1, "the first callback");

        rig.Engine.ReleaseChannel(chan);
        int atRelease = Volatile.Read(ref callbacks);
        Advance(Runtime.Time.Duration.FromMilliseconds(10));

        Assert.Equal(atRelease, Volatile.Read(ref callbacks));
    }

    private sealed class ScriptedLookup : IDmaChannelLookup
    {
        public DmaException? Error { get; set; }

        public bool Take { get; set; }

        public DmaChan? RequestSlaveChannel(DmaEngine engine, string devName, string name)
        {
            if (Error is { } error) throw error;
            return Take ? engine.RequestChannel(DmaCapMask.Slave, null, null) : null;
        }
    }
}
