using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

public sealed class SyncWaitTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void Sync_wait_issues_and_returns_complete_once_the_transfer_is_done_C50()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        var source = rig.Fill(ApiRig.Source(0), 8192, salt: 8);
        int cookie = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 8192, DmaCtrlFlags.None)!.Submit();

        Assert.Equal(DmaStatus.Complete, chan.SyncWait(cookie));
        Assert.Equal(source, rig.Read(ApiRig.Destination(0), 8192));
    }

    [Fact]
    public void Sync_wait_ends_on_paused_too_C50()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        int cookie = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 8192, DmaCtrlFlags.None)!.Submit();
        chan.Pause();

        Assert.Equal(DmaStatus.Paused, chan.SyncWait(cookie));
    }

    [Fact]
    public void Sync_wait_gives_up_with_error_after_5000_ms_C50()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Slave, null, null)!;
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddrWidth = DmaSlaveBuswidth.Bytes4, SrcMaxburst = 4, SlaveId = 9 });
        int cookie = chan.PrepSlaveSingle(ApiRig.Destination(0), 64, DmaTransferDirection.DevToMem, DmaCtrlFlags.None)!.Submit();
        long start = World.Clock.NowNanoseconds;

        Assert.Equal(DmaStatus.Error, chan.SyncWait(cookie));
        Assert.InRange(World.Clock.NowNanoseconds - start, 5_000_000_000L, 5_002_000_000L);
    }
}
