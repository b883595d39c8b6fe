using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Completion;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Channels;

/// <summary>
/// The virt-dma lists and the descriptor lifecycle of contract section 2.6 (V-3 … V-15): prepare →
/// submit → issue → active → completed → callback, terminate, reuse, free, synchronize.
/// </summary>
public sealed class DescriptorLifecycleTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static readonly Duration Long = Duration.FromMilliseconds(1);

    [Fact]
    public void Nothing_starts_before_issue_pending_V4_V5()
    {
        var rig = new DmaRig(Sys);
        var descriptor = rig.Memcpy(0, 0, 4096);

        Advance(Long);

        Assert.Equal(0, rig.BytesLanded(DmaRig.Destination(0), descriptor.Pattern));
        Assert.Equal(0, rig.Log.Count);
        var state = rig.State(0);
        Assert.Equal((1, 0, -1L, -1), (state.Submitted, state.Issued, state.ActiveDescriptor, state.PhysicalChannel));
        Assert.Equal(new TxStatusReply(DmaStatus.InProgress, 1, descriptor.Cookie, 4096), rig.TxStatus(0, descriptor.Cookie));
        var stats = rig.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        Assert.All(stats.GrantsPerChannel, g => Assert.Equal(0, g));

        long issuedAt = World.Clock.NowNanoseconds;
        Assert.Equal(1, rig.Issue(0));
        rig.RunUntilCallbacks(1);

        Assert.Equal(descriptor.Pattern, rig.Read(DmaRig.Destination(0), 4096));
        // 64 bursts of 64 bytes at 160 ns each, counted from issue_pending, not from submit.
        Assert.Equal(issuedAt + (64 * 160), rig.Log.Records[0].TimeNanoseconds);
    }

    [Fact]
    public void Issue_pending_moves_only_what_was_submitted_before_it_V5()
    {
        var rig = new DmaRig(Sys);
        var first = rig.Memcpy(0, 0, 1024);
        Assert.Equal(1, rig.Issue(0));
        var late = rig.Memcpy(0, 1, 1024);

        Advance(Long);

        Assert.Equal([first.Cookie], rig.Log.CookiesOf(rig.Name(0)));
        Assert.Equal(0, rig.BytesLanded(DmaRig.Destination(1), late.Pattern));
        Assert.Equal(1, rig.State(0).Submitted);
        Assert.Equal(1, rig.Issue(0));
        rig.RunUntilCallbacks(2);
        Assert.Equal(late.Pattern, rig.Read(DmaRig.Destination(1), 1024));
    }

    [Fact]
    public void Submitting_a_descriptor_twice_is_rejected_with_EINVAL_and_takes_no_cookie_V4()
    {
        var rig = new DmaRig(Sys);
        long id = rig.Port(0).Prepare(TransferSpec.Memcpy(DmaRig.Source(0), DmaRig.Destination(0), 256, 64), new DescriptorOptions());
        int cookie = rig.Port(0).SubmitPrepared(id, 256);

        // Sent past the port, with a cookie of their own: the channel itself must refuse them.
        var again = rig.Ask<CommandRejectedReply>(0, new SubmitDescriptor(id, 99));
        rig.Issue(0);
        var afterIssue = rig.Ask<CommandRejectedReply>(0, new SubmitDescriptor(id, 99));
        var unknown = rig.Ask<CommandRejectedReply>(0, new SubmitDescriptor(12345, 99));

        Assert.Equal(2, cookie);
        Assert.Equal(["EINVAL", "EINVAL", "EINVAL"], new[] { again.Errno, afterIssue.Errno, unknown.Errno });
        Assert.Contains("submitted", again.Reason, StringComparison.Ordinal);
        Assert.Equal(2, rig.State(0).LastUsed);
    }

    [Fact]
    public void Descriptors_complete_and_callbacks_run_in_cookie_order_on_the_completion_actor_V7_V9()
    {
        var rig = new DmaRig(Sys);
        // Big then small: order must come from the queue, not from size.
        int[] sizes = [8192, 64, 4096, 128, 1024];
        var descriptors = sizes.Select((size, slot) => rig.Memcpy(0, slot, size)).ToArray();
        var other = rig.Memcpy(1, 10, 512);
        rig.Issue(0);
        rig.Issue(1);

        rig.RunUntilCallbacks(6);

        var mine = rig.Log.For(rig.Name(0));
        Assert.Equal(descriptors.Select(d => d.Cookie), mine.Select(r => r.Cookie));
        Assert.All(mine, r => Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), r.Outcome));
        // The callback runs on the channel's completion actor (its tasklet), which the channel's port sees.
        Assert.All(mine, r => Assert.True(r.RanAsItsChannelsCallback));
        Assert.True(Assert.Single(rig.Log.For(rig.Name(1))).RanAsItsChannelsCallback);
        Assert.False(rig.Port(0).IsInCallbackOnThisThread);
        Assert.All(mine.Zip(mine.Skip(1)), pair => Assert.True(pair.First.TimeNanoseconds < pair.Second.TimeNanoseconds));
        foreach (var d in descriptors.Append(other)) Assert.Equal(d.Pattern, rig.Read(DmaRig.Destination(d.Slot), d.Pattern.Length));
        Assert.Equal(5, rig.State(0).Completed);
    }

    [Fact]
    public void Terminate_all_drops_every_list_and_aborts_the_active_descriptor_at_a_burst_boundary_V12()
    {
        var rig = new DmaRig(Sys);
        var active = rig.Memcpy(0, 0, 65536);
        var issued = rig.Memcpy(0, 1, 4096);
        rig.Issue(0);
        var submitted = rig.Memcpy(0, 2, 4096);
        var prepared = rig.Ask<PrepareDescriptorReply>(0, new PrepareDescriptor(1_000, TransferSpec.Memcpy(DmaRig.Source(3), DmaRig.Destination(3), 64, 64), new DescriptorOptions()));
        Advance(Duration.FromMicroseconds(20));

        var terminated = rig.Ask<TerminateChannelReply>(0, TerminateChannel.Instance);

        int landed = rig.BytesLanded(DmaRig.Destination(0), active.Pattern);
        Assert.InRange(landed, 64, 65536 - 64);
        Assert.Equal(0, landed % 64); // whole bursts only
        Assert.Equal(new TerminateChannelReply(4, landed), terminated);
        var state = rig.State(0);
        Assert.Equal((0, 0, 0, 1, -1L), (state.Allocated, state.Submitted, state.Issued, state.Terminated, state.ActiveDescriptor));

        // Nothing moves and no callback runs afterwards, for any of them.
        Advance(Long);
        Assert.Equal(landed, rig.BytesLanded(DmaRig.Destination(0), active.Pattern));
        Assert.Equal(0, rig.BytesLanded(DmaRig.Destination(1), issued.Pattern));
        Assert.Equal(0, rig.BytesLanded(DmaRig.Destination(2), submitted.Pattern));
        Assert.Equal(0, rig.Log.Count);
        // The prepared descriptor was destroyed too (V-12: vchan_get_all_descriptors takes desc_allocated).
        Assert.Equal("EINVAL", rig.Ask<CommandRejectedReply>(0, new SubmitDescriptor(prepared.DescriptorId, 99)).Errno);
    }

    [Fact]
    public void After_terminate_and_synchronize_the_channel_takes_new_work_with_the_next_cookies_V12_V15()
    {
        var rig = new DmaRig(Sys);
        rig.Memcpy(0, 0, 65536);
        var dropped = rig.Memcpy(0, 1, 256);
        rig.Issue(0);
        Advance(Duration.FromMicroseconds(5));
        rig.Ask<TerminateChannelReply>(0, TerminateChannel.Instance);
        Assert.Equal(1, rig.State(0).Terminated);

        rig.Ask<SynchronizeChannelReply>(0, SynchronizeChannel.Instance);
        Assert.Equal(0, rig.State(0).Terminated);

        var next = rig.Memcpy(0, 2, 1024);
        rig.Issue(0);
        rig.RunUntilCallbacks(1);
        Assert.Equal(dropped.Cookie + 1, next.Cookie);
        Assert.Equal(next.Cookie, Assert.Single(rig.Log.Records).Cookie);
        Assert.Equal(next.Pattern, rig.Read(DmaRig.Destination(2), 1024));
        Assert.Equal(DmaStatus.Complete, rig.TxStatus(0, next.Cookie).Status);
    }

    [Fact]
    public void Terminate_all_of_an_idle_channel_answers_at_once_with_nothing_dropped()
    {
        var rig = new DmaRig(Sys);

        Assert.Equal(new TerminateChannelReply(0, 0), rig.Ask<TerminateChannelReply>(0, TerminateChannel.Instance));
        Assert.Equal(SynchronizeChannelReply.Instance, rig.Ask<SynchronizeChannelReply>(0, SynchronizeChannel.Instance));
    }

    /// <summary>
    /// V-12: terminate_all takes desc_completed too, so a descriptor that completed but whose
    /// callback has not run yet never gets its callback. The deterministic world is driven until
    /// the channel has completed B, and stopped there, before its tasklet ran B's callback (a
    /// RunUntil ends at the first step after which its condition holds); the terminate then
    /// comes from process context, as dmaengine_terminate_async does.
    /// </summary>
    [Fact]
    public void Callbacks_of_completed_but_not_yet_called_back_descriptors_do_not_run_after_terminate_V12()
    {
        var rig = new DmaRig(Sys);
        var port = rig.Port(0);
        var ran = new List<string>();
        var cookies = new Dictionary<string, int>();
        foreach (var (slot, name) in new[] { (0, "A"), (1, "B"), (2, "C") })
        {
            rig.Fill(DmaRig.Source(slot), 256, slot);
            long id = port.Prepare(TransferSpec.Memcpy(DmaRig.Source(slot), DmaRig.Destination(slot), 256, 64), new DescriptorOptions(DmaCtrlFlags.PrepInterrupt, _ => ran.Add(name)));
            cookies[name] = port.SubmitPrepared(id, 256);
        }
        rig.Issue(0);

        Assert.Equal(RunOutcome.ConditionMet, RunUntil(() => port.Status(cookies["B"]).Status == DmaStatus.Complete, Duration.FromMilliseconds(1)));
        Assert.Equal(["A"], ran);
        port.Terminate();
        Advance(Duration.FromMicroseconds(100));

        Assert.Equal(["A"], ran);
        Assert.Equal(2, rig.State(0).Completed); // A and B completed; B's callback was dropped, C never ran
    }

    [Fact]
    public void A_reusable_descriptor_returns_to_the_allocated_list_and_can_be_resubmitted_V10()
    {
        var rig = new DmaRig(Sys);
        var outcomes = CreateTestProbe();
        var pattern = rig.Fill(DmaRig.Source(0), 2048, 0);
        var spec = TransferSpec.Memcpy(DmaRig.Source(0), DmaRig.Destination(0), 2048, 64);
        long id = rig.Port(0).Prepare(spec, new DescriptorOptions(DmaCtrlFlags.PrepInterrupt | DmaCtrlFlags.CtrlReuse, o => outcomes.Ref.Tell(o)));

        int firstCookie = rig.Port(0).SubmitPrepared(id, 2048);
        rig.Issue(0);
        outcomes.ExpectMsg<DmaengineResult>(Duration.FromSeconds(3), o => o.Result == DmaengineTxResult.NoError);
        Assert.Equal(pattern, rig.Read(DmaRig.Destination(0), 2048));
        var state = rig.State(0);
        Assert.Equal((1, 1L), (state.Allocated, state.Completed));

        // Run it again over a fresh destination.
        rig.Memory.Fill(DmaRig.Destination(0), 0, 2048);
        int secondCookie = rig.Port(0).SubmitPrepared(id, 2048);
        rig.Issue(0);
        outcomes.ExpectMsg<DmaengineResult>(Duration.FromSeconds(3), o => o.Result == DmaengineTxResult.NoError);

        Assert.Equal(firstCookie + 1, secondCookie);
        Assert.Equal(pattern, rig.Read(DmaRig.Destination(0), 2048));
        Assert.Equal(DmaStatus.Complete, rig.TxStatus(0, secondCookie).Status);

        // dmaengine_desc_free: a reusable descriptor at rest can be freed, after which it is gone.
        Assert.Equal(new FreeDescriptorReply(id), rig.Ask<FreeDescriptorReply>(0, new FreeDescriptor(id)));
        Assert.Equal(0, rig.State(0).Allocated);
        Assert.Equal("EINVAL", rig.Ask<CommandRejectedReply>(0, new SubmitDescriptor(id, 99)).Errno);
    }

    [Fact]
    public void Terminate_returns_reusable_descriptors_to_the_allocated_list_instead_of_freeing_them_V13()
    {
        var rig = new DmaRig(Sys);
        var reusable = rig.Memcpy(0, 0, 512, flags: DmaCtrlFlags.CtrlReuse);
        var plain = rig.Memcpy(0, 1, 512);

        var terminated = rig.Ask<TerminateChannelReply>(0, TerminateChannel.Instance);

        Assert.Equal(new TerminateChannelReply(1, 0), terminated); // only the plain one is destroyed
        Assert.Equal((1, 0), (rig.State(0).Allocated, rig.State(0).Submitted));
        int again = rig.Port(0).SubmitPrepared(reusable.DescriptorId, 512);
        Assert.Equal(plain.Cookie + 1, again);
        rig.Issue(0);
        Advance(Long);
        Assert.Equal(reusable.Pattern, rig.Read(DmaRig.Destination(0), 512));
        Assert.Equal(0, rig.BytesLanded(DmaRig.Destination(1), plain.Pattern));
    }

    [Fact]
    public void Freeing_a_descriptor_that_is_not_reusable_or_not_at_rest_is_rejected_with_EPERM()
    {
        var rig = new DmaRig(Sys);
        long plain = rig.Port(0).Prepare(TransferSpec.Memcpy(DmaRig.Source(0), DmaRig.Destination(0), 256, 64), new DescriptorOptions());
        var reusableInFlight = rig.Memcpy(0, 1, 256, flags: DmaCtrlFlags.CtrlReuse);

        var notReusable = rig.Ask<CommandRejectedReply>(0, new FreeDescriptor(plain));
        var submitted = rig.Ask<CommandRejectedReply>(0, new FreeDescriptor(reusableInFlight.DescriptorId));
        var unknown = rig.Ask<CommandRejectedReply>(0, new FreeDescriptor(999));

        Assert.Equal(["EPERM", "EPERM", "EPERM"], new[] { notReusable.Errno, submitted.Errno, unknown.Errno });
        // Still there: the plain one can be submitted, the reusable one still runs.
        rig.Port(0).SubmitPrepared(plain, 256);
        Assert.Equal(2, rig.Issue(0));
    }

    [Fact]
    public void Query_channel_state_counts_the_lists_as_descriptors_move_through_them()
    {
        var rig = new DmaRig(Sys);
        var ids = Enumerable.Range(0, 5)
            .Select(slot => rig.Port(0).Prepare(TransferSpec.Memcpy(DmaRig.Source(slot), DmaRig.Destination(slot), 1024, 64), new DescriptorOptions()))
            .ToArray();
        Assert.Equal((5, 0, 0), Lists(rig.State(0)));

        foreach (var id in ids.Take(4)) rig.Port(0).SubmitPrepared(id, 1024);
        Assert.Equal((1, 4, 0), Lists(rig.State(0)));

        rig.Issue(0);
        RunUntilIdle();
        var running = rig.State(0);
        Assert.Equal((1, 0, 3), Lists(running));
        Assert.Equal(ids[0], running.ActiveDescriptor);
        Assert.InRange(running.PhysicalChannel, 0, 7);
        Assert.Equal((5, 1, 0L, false), (running.LastUsed, running.LastCompleted, running.Completed, running.Paused));

        Advance(Long);
        var done = rig.State(0);
        Assert.Equal((1, 0, 0), Lists(done));
        Assert.Equal((-1L, -1, 4L, 5, 5), (done.ActiveDescriptor, done.PhysicalChannel, done.Completed, done.LastUsed, done.LastCompleted));

        static (int Allocated, int Submitted, int Issued) Lists(ChannelStateReply s) => (s.Allocated, s.Submitted, s.Issued);
    }

    [Fact]
    public void Synchronize_frees_the_terminated_descriptors_V15()
    {
        var rig = new DmaRig(Sys);
        rig.Memcpy(0, 0, 65536);
        rig.Issue(0);
        Advance(Duration.FromMicroseconds(3));
        rig.Ask<TerminateChannelReply>(0, TerminateChannel.Instance);
        Assert.Equal(1, rig.State(0).Terminated);

        Assert.Equal(SynchronizeChannelReply.Instance, rig.Ask<SynchronizeChannelReply>(0, SynchronizeChannel.Instance));

        Assert.Equal(0, rig.State(0).Terminated);
        // A second synchronize has nothing to do and still answers.
        Assert.Equal(SynchronizeChannelReply.Instance, rig.Ask<SynchronizeChannelReply>(0, SynchronizeChannel.Instance));
    }

    [Fact]
    public void A_terminated_reusable_descriptor_is_back_on_the_allocated_list_after_synchronize_V11_V15()
    {
        var rig = new DmaRig(Sys);
        var reusable = rig.Memcpy(0, 0, 65536, flags: DmaCtrlFlags.CtrlReuse);
        rig.Issue(0);
        Advance(Duration.FromMicroseconds(3));
        rig.Ask<TerminateChannelReply>(0, TerminateChannel.Instance);
        Assert.Equal((0, 1), (rig.State(0).Allocated, rig.State(0).Terminated));

        rig.Ask<SynchronizeChannelReply>(0, SynchronizeChannel.Instance);

        Assert.Equal((1, 0), (rig.State(0).Allocated, rig.State(0).Terminated));
        Assert.Equal(reusable.Cookie + 1, rig.Port(0).SubmitPrepared(reusable.DescriptorId, 65536));
        Assert.Equal(1, rig.State(0).Submitted);
    }

    [Fact]
    public void A_callback_that_throws_is_reported_and_later_callbacks_still_run()
    {
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures.Ref, typeof(CallbackFailed));
        var rig = new DmaRig(Sys);
        var ran = new List<int>();
        for (int slot = 0; slot < 3; slot++)
        {
            int index = slot;
            rig.Fill(DmaRig.Source(slot), 256, slot);
            rig.Port(0).Submit(
                TransferSpec.Memcpy(DmaRig.Source(slot), DmaRig.Destination(slot), 256, 64),
                new DescriptorOptions(DmaCtrlFlags.PrepInterrupt, _ =>
                {
                    ran.Add(index);
                    if (index == 1) throw new InvalidOperationException("client bug");
                }));
        }
        rig.Issue(0);

        var failed = failures.ExpectMsg<CallbackFailed>(Duration.FromSeconds(3));

        Assert.Equal(("dma0chan0", 3), (failed.Channel, failed.Cookie));
        Advance(Long);
        Assert.Equal([0, 1, 2], ran);
    }
}
