using DmaActors.Api.Provider;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

public sealed class ControlTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static DmaChan Channel(ApiRig rig, DmaDeviceOps? ops = null)
    {
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice() with { Ops = ops ?? DmaDeviceOps.AllSimulated });
        return rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
    }

    private static DmaAsyncTxDescriptor Memcpy(DmaChan chan, int slot, int length, DmaAsyncTxCallback? callback = null)
    {
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(slot), ApiRig.Source(slot), length, DmaCtrlFlags.PrepInterrupt)!;
        desc.Callback = callback;
        return desc;
    }

    [Fact]
    public void Resume_of_a_channel_that_is_not_paused_is_EINVAL_C51()
    {
        var chan = Channel(new ApiRig(Sys));
        DmaExceptionAssert.Throws("EINVAL", "C-51", chan.Resume);
        chan.Pause();
        chan.Resume();
        DmaExceptionAssert.Throws("EINVAL", "C-51", chan.Resume);
    }

    [Fact]
    public void Pause_and_resume_without_the_ops_are_ENOSYS_C51()
    {
        var chan = Channel(new ApiRig(Sys), DmaDeviceOps.AllSimulated & ~(DmaDeviceOps.Pause | DmaDeviceOps.Resume));
        DmaExceptionAssert.Throws("ENOSYS", "C-51", chan.Pause);
        DmaExceptionAssert.Throws("ENOSYS", "C-51", chan.Resume);
    }

    [Fact]
    public void A_paused_channel_reports_paused_moves_nothing_and_finishes_after_resume_C51_C52()
    {
        var rig = new ApiRig(Sys);
        var chan = Channel(rig);
        var source = rig.Fill(ApiRig.Source(0), 32 * 1024, salt: 4);
        bool done = false;
        int cookie = Memcpy(chan, 0, 32 * 1024, _ => done = true).Submit();
        chan.IssuePending();
        Advance(Duration.FromMicroseconds(10));
        chan.Pause();
        chan.TxStatus(cookie, out var before);
        Advance(Duration.FromMilliseconds(5));

        Assert.Equal(DmaStatus.Paused, chan.TxStatus(cookie, out var after));
        Assert.Equal(before.Residue, after.Residue);
        Assert.False(done);
        chan.Resume();
        rig.RunUntil(() => done, "completion after resume");
        Assert.Equal(source, rig.Read(ApiRig.Destination(0), 32 * 1024));
    }

    [Fact]
    public void Terminate_async_without_the_op_is_EINVAL_and_terminate_all_is_ENOSYS_C53()
    {
        var chan = Channel(new ApiRig(Sys), DmaDeviceOps.AllSimulated & ~DmaDeviceOps.TerminateAll);
        DmaExceptionAssert.Throws("EINVAL", "C-53", chan.TerminateAsync);
        DmaExceptionAssert.Throws("ENOSYS", "C-53", chan.TerminateAll);
        DmaExceptionAssert.Throws("EINVAL", "C-53", chan.TerminateSync);
    }

    [Fact]
    public void Synchronize_without_the_op_is_a_no_op_C57()
    {
        var chan = Channel(new ApiRig(Sys), DmaDeviceOps.AllSimulated & ~DmaDeviceOps.Synchronize);
        chan.Synchronize();
    }

    [Fact]
    public void Terminate_calls_no_callback_for_incomplete_transfers_C54()
    {
        var rig = new ApiRig(Sys);
        var chan = Channel(rig);
        var ran = new List<int>();
        for (int i = 0; i < 4; i++)
        {
            int index = i;
            Memcpy(chan, i, 16 * 1024, _ => ran.Add(index)).Submit();
        }
        chan.IssuePending();
        rig.RunUntil(() => ran.Count == 1, "the first callback");

        chan.TerminateSync();
        Advance(Duration.FromMilliseconds(10));

        Assert.Equal([0], ran);
    }

    [Fact]
    public void Terminate_sync_and_synchronize_inside_a_callback_of_the_same_channel_throw_instead_of_deadlocking_C37()
    {
        var rig = new ApiRig(Sys);
        var chan = Channel(rig);
        var errors = new List<DmaException>();
        bool done = false;
        Memcpy(chan, 0, 64, _ =>
        {
            try { chan.TerminateSync(); } catch (DmaException e) { errors.Add(e); }
            try { chan.Synchronize(); } catch (DmaException e) { errors.Add(e); }
            try { rig.Engine.ReleaseChannel(chan); } catch (DmaException e) { errors.Add(e); }
            done = true;
        }).Submit();
        chan.IssuePending();
        rig.RunUntil(() => done, "the callback");

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal(("EDEADLK", "C-37"), (e.Errno, e.Rule)));
        Assert.True(chan.IsActive);
        chan.TerminateSync();
    }

    [Fact]
    public void Terminate_async_from_inside_a_callback_stops_the_channel_C36_C55()
    {
        var rig = new ApiRig(Sys);
        var chan = Channel(rig);
        var ran = new List<int>();
        Memcpy(chan, 0, 64, _ => { ran.Add(0); chan.TerminateAsync(); }).Submit();
        Memcpy(chan, 1, 64 * 1024, _ => ran.Add(1)).Submit();
        chan.IssuePending();
        rig.RunUntil(() => ran.Count >= 1, "the first callback");
        chan.Synchronize();
        Advance(Duration.FromMilliseconds(10));

        Assert.Equal([0], ran);
    }

    /// <summary>
    /// A callback runs in the channel's tasklet, which must not sleep (C-35), and terminate_sync
    /// sleeps in its synchronize (C-56): from a callback of another channel it terminates the
    /// victim (its terminate_async half, legal there: C-55) but refuses to wait. Process context
    /// then synchronizes: the running callback has returned and none runs afterwards (H-6).
    /// </summary>
    [Fact]
    public void Terminate_sync_from_another_channels_callback_terminates_but_refuses_to_wait_and_none_runs_after_synchronize_C35_C56_H6()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var victim = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        var killer = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        int running = 0, ran = 0;
        bool killed = false;
        Exception? refused = null;
        for (int i = 0; i < 8; i++)
        {
            Memcpy(victim, i, 1024, _ =>
            {
                Interlocked.Increment(ref running);
                Interlocked.Increment(ref ran);
                Interlocked.Decrement(ref running);
            }).Submit();
        }
        Memcpy(killer, 9, 3 * 1024, _ =>
        {
            try { victim.TerminateSync(); } catch (Exception e) { refused = e; }
            Volatile.Write(ref killed, true);
        }).Submit();
        victim.IssuePending();
        killer.IssuePending();
        rig.RunUntil(() => Volatile.Read(ref killed), "the killer's callback");
        victim.Synchronize();
        int runningAtReturn = Volatile.Read(ref running), ranAfter = Volatile.Read(ref ran);
        Advance(Duration.FromMilliseconds(10));

        DmaExceptionAssert.IsDeadlockRefusal(refused);
        Assert.Equal(0, runningAtReturn);
        Assert.Equal(ranAfter, Volatile.Read(ref ran));
        Assert.InRange(ranAfter, 1, 7);
    }

    [Fact]
    public void A_descriptor_prepared_before_a_terminate_cannot_be_submitted_H7()
    {
        var chan = Channel(new ApiRig(Sys));
        var desc = Memcpy(chan, 0, 64);
        chan.TerminateAsync();
        DmaExceptionAssert.Throws("EINVAL", "H-7", () => desc.Submit());
    }
}
