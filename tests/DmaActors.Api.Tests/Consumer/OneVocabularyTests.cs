using DmaActors.Actors.Channels;
using DmaActors.Actors.Transfers;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

/// <summary>
/// The façade and the simulated channels speak one vocabulary (issue 14, item 9): the status the
/// channel actor reports, the flags it reads, the result its callbacks carry and the direction of
/// its transfers are the façade's own types, compared and passed without a cast.
/// </summary>
public sealed class OneVocabularyTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void The_channel_actor_reports_the_facades_DmaStatus_C45()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        int cookie = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 4096, DmaCtrlFlags.PrepInterrupt)!.Submit();
        Assert.Equal(DmaStatus.Complete, chan.SyncWait(cookie));

        // What the virtual-channel actor itself answers to a status query (no façade in between).
        TxStatusReply fromTheActor = chan.Port.Status(cookie);
        DmaStatus fromTheFacade = chan.TxStatus(cookie);

        Assert.Equal(fromTheFacade, fromTheActor.Status);
        Assert.Equal(DmaStatus.Complete, fromTheActor.Status);
    }

    [Fact]
    public void Callback_result_is_the_result_the_completion_actor_delivered_C33()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        var tx = chan.PrepDmaMemcpy(ApiRig.Destination(1), ApiRig.Source(1), 2048, DmaCtrlFlags.PrepInterrupt)!;
        DmaengineResult? seen = null;
        tx.CallbackResult = (_, result) => seen = result;
        tx.Submit();
        chan.IssuePending();

        rig.RunUntil(() => seen is not null, "the callback");

        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), seen);
    }

    [Fact]
    public void The_hardware_model_declares_its_members_with_the_kernel_vocabulary_types()
    {
        Assert.Equal(typeof(DmaStatus), typeof(TxStatusReply).GetProperty(nameof(TxStatusReply.Status))!.PropertyType);
        Assert.Equal(typeof(DmaCtrlFlags), typeof(DescriptorOptions).GetProperty(nameof(DescriptorOptions.Flags))!.PropertyType);
        Assert.Equal(typeof(Action<DmaengineResult>), typeof(DescriptorOptions).GetProperty(nameof(DescriptorOptions.Callback))!.PropertyType);
        Assert.Equal(typeof(DmaTransferDirection), typeof(TransferSpec).GetProperty(nameof(TransferSpec.Direction))!.PropertyType);
        Assert.Equal(typeof(DmaResidueGranularity), typeof(VirtualChannelPort).GetProperty(nameof(VirtualChannelPort.Granularity))!.PropertyType);
    }
}
