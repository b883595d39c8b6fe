using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Channels;

/// <summary>
/// Pause, resume and terminate in the middle of a transfer take effect at a burst boundary: no
/// byte is lost, none is moved twice, nothing moves while paused (contract 1.8, P-14, V-12).
/// </summary>
public sealed class PauseResumeTerminateTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Total = 65536;

    [Fact]
    public void Pause_and_resume_mid_transfer_lose_and_duplicate_nothing()
    {
        var rig = new DmaRig(Sys);
        var descriptor = rig.Memcpy(0, 0, Total);
        rig.Issue(0);
        long pausedFor = 0;

        // Running stretches between pauses (µs): 3 + 14 + 1 + 46 + 36 = 100 of the 164 the copy needs.
        foreach (int microseconds in new[] { 3, 14, 1, 46, 36 })
        {
            Advance(Duration.FromMicroseconds(microseconds));
            var paused = rig.Ask<PauseChannelReply>(0, PauseChannel.Instance);
            int landed = rig.BytesLanded(DmaRig.Destination(0), descriptor.Pattern);
            Assert.Equal(Total - landed, paused.Residue);

            // While paused the hardware stands still, however long.
            Advance(Duration.FromMicroseconds(200));
            pausedFor += 200_000;
            Assert.Equal(landed, rig.BytesLanded(DmaRig.Destination(0), descriptor.Pattern));
            Assert.Equal(0, rig.Log.Count);

            Assert.Equal(ResumeChannelReply.Instance, rig.Ask<ResumeChannelReply>(0, ResumeChannel.Instance));
        }

        rig.RunUntilCallbacks(1);
        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), rig.Log.Records[0].Outcome);
        Assert.Equal(descriptor.Pattern, rig.Read(DmaRig.Destination(0), Total));
        // Every burst was granted exactly once: the bus carried exactly the descriptor's bytes.
        var stats = rig.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        Assert.Equal(Total, stats.BytesPerChannel.Sum());
        Assert.Equal(Total / 64 * 160, stats.BusyNanoseconds);
        // It took the bus time plus the paused time, less at most the one burst in flight at each
        // pause, whose cycles ran out during the pause.
        Assert.InRange(rig.Log.Records[0].TimeNanoseconds, (Total / 64 * 160) + pausedFor - (5 * 160), (Total / 64 * 160) + pausedFor);
    }

    [Fact]
    public void Resume_of_a_channel_that_is_not_paused_is_rejected_with_EINVAL()
    {
        var rig = new DmaRig(Sys);

        var idle = Assert.IsType<CommandRejectedReply>(rig.Ask<object>(0, ResumeChannel.Instance));
        rig.Memcpy(0, 0, Total);
        rig.Issue(0);
        Advance(Duration.FromMicroseconds(5));
        var running = Assert.IsType<CommandRejectedReply>(rig.Ask<object>(0, ResumeChannel.Instance));
        rig.Ask<PauseChannelReply>(0, PauseChannel.Instance);
        rig.Ask<ResumeChannelReply>(0, ResumeChannel.Instance);
        var twice = Assert.IsType<CommandRejectedReply>(rig.Ask<object>(0, ResumeChannel.Instance));

        Assert.Equal(["EINVAL", "EINVAL", "EINVAL"], new[] { idle.Errno, running.Errno, twice.Errno });
        rig.RunUntilCallbacks(1);
    }

    [Fact]
    public void Pausing_twice_keeps_the_channel_paused_and_one_resume_continues_it()
    {
        var rig = new DmaRig(Sys);
        var descriptor = rig.Memcpy(0, 0, 4096);
        rig.Issue(0);
        Advance(Duration.FromNanoseconds(1000));

        var first = rig.Ask<PauseChannelReply>(0, PauseChannel.Instance);
        var second = rig.Ask<PauseChannelReply>(0, PauseChannel.Instance);

        Assert.Equal(first, second);
        Assert.True(rig.State(0).Paused);
        rig.Ask<ResumeChannelReply>(0, ResumeChannel.Instance);
        rig.RunUntilCallbacks(1);
        Assert.Equal(descriptor.Pattern, rig.Read(DmaRig.Destination(0), 4096));
    }

    [Fact]
    public void Work_issued_while_paused_waits_for_resume_V19()
    {
        var rig = new DmaRig(Sys);
        Assert.Equal(new PauseChannelReply(0), rig.Ask<PauseChannelReply>(0, PauseChannel.Instance));
        var descriptor = rig.Memcpy(0, 0, 4096);
        rig.Issue(0);

        Advance(Duration.FromMilliseconds(1));

        Assert.Equal(0, rig.BytesLanded(DmaRig.Destination(0), descriptor.Pattern));
        Assert.Equal(DmaStatus.Paused, rig.TxStatus(0, descriptor.Cookie).Status);
        Assert.Equal(4096, rig.TxStatus(0, descriptor.Cookie).Residue);
        rig.Ask<ResumeChannelReply>(0, ResumeChannel.Instance);
        rig.RunUntilCallbacks(1);
        Assert.Equal(descriptor.Pattern, rig.Read(DmaRig.Destination(0), 4096));
    }

    [Fact]
    public void Terminate_mid_transfer_reports_exactly_the_bytes_in_memory_and_the_next_descriptor_runs_whole()
    {
        var rig = new DmaRig(Sys);

        foreach (int microseconds in new[] { 1, 33, 77 })
        {
            int slot = microseconds;
            var descriptor = rig.Memcpy(0, slot, Total);
            rig.Issue(0);
            Advance(Duration.FromMicroseconds(microseconds));

            var terminated = rig.Ask<TerminateChannelReply>(0, TerminateChannel.Instance);

            int landed = rig.BytesLanded(DmaRig.Destination(slot), descriptor.Pattern);
            Assert.Equal(landed, terminated.BytesMovedByActive);
            Assert.Equal(0, landed % 64);
            Advance(Duration.FromMicroseconds(500));
            Assert.Equal(landed, rig.BytesLanded(DmaRig.Destination(slot), descriptor.Pattern));
        }

        var whole = rig.Memcpy(0, 100, 8192);
        rig.Issue(0);
        rig.RunUntilCallbacks(1);
        Assert.Equal(whole.Cookie, Assert.Single(rig.Log.Records).Cookie);
        Assert.Equal(whole.Pattern, rig.Read(DmaRig.Destination(100), 8192));
    }

    [Fact]
    public void Terminate_of_a_paused_channel_aborts_it_and_leaves_it_unpaused()
    {
        var rig = new DmaRig(Sys);
        var descriptor = rig.Memcpy(0, 0, Total);
        rig.Issue(0);
        Advance(Duration.FromMicroseconds(20));
        var paused = rig.Ask<PauseChannelReply>(0, PauseChannel.Instance);

        var terminated = rig.Ask<TerminateChannelReply>(0, TerminateChannel.Instance);

        Assert.Equal(Total - paused.Residue, terminated.BytesMovedByActive);
        Assert.Equal(terminated.BytesMovedByActive, rig.BytesLanded(DmaRig.Destination(0), descriptor.Pattern));
        Assert.False(rig.State(0).Paused);
        var next = rig.Memcpy(0, 1, 1024);
        rig.Issue(0);
        rig.RunUntilCallbacks(1);
        Assert.Equal(next.Pattern, rig.Read(DmaRig.Destination(1), 1024));
    }
}
