using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Exploration;

/// <summary>
/// The façade under many schedules of the deterministic dispatcher: each seed interleaves the
/// controller's actors, the completion actors and the blocking façade calls differently, and
/// draws its own workload from the seed.
/// </summary>
public sealed class OrderingExplorationTests(ITestOutputHelper output)
{
    private const int Seeds = 500;

    [Fact]
    public void Callbacks_run_in_cookie_order_per_channel_across_500_schedules_C43_H10()
    {
        var result = ScheduleExploration.Explore(Seeds, system =>
        {
            var random = new Random((int)system.Simulation().Seed!.Value);
            var rig = new ApiRig(system);
            rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 3) with { PhysicalChannels = 2 });
            var log = new List<(string Channel, int Cookie)>();
            var chans = Enumerable.Range(0, 3).Select(_ => rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!).ToArray();
            int expected = 0;
            foreach (var chan in chans)
            {
                for (int i = 0; i < 5; i++)
                {
                    var desc = chan.PrepDmaMemcpy(ApiRig.Destination(expected), ApiRig.Source(expected), random.Next(1, 40) * 64, DmaCtrlFlags.PrepInterrupt)!;
                    desc.CallbackParam = desc;
                    desc.Callback = p => { lock (log) log.Add((chan.Name, ((DmaAsyncTxDescriptor)p!).Cookie)); };
                    desc.Submit();
                    expected++;
                }
                if (random.Next(2) == 0) chan.IssuePending();
            }
            foreach (var chan in chans) chan.IssuePending();
            rig.RunUntil(() => { lock (log) return log.Count == expected; }, "every callback");

            foreach (var chan in chans)
            {
                var cookies = log.Where(r => r.Channel == chan.Name).Select(r => r.Cookie).ToArray();
                Assert.Equal([2, 3, 4, 5, 6], cookies);
            }
        }, output: output);

        Assert.Equal(Seeds, result.Runs);
        Assert.True(result.DistinctSchedules > Seeds / 2, $"Only {result.DistinctSchedules} distinct schedules.");
    }

    /// <summary>
    /// terminate_async from another channel's callback or from the test thread, then synchronize
    /// from process context (a callback must not sleep, C-35: synchronize is refused there), while
    /// the victim's callbacks run: once synchronize returns no callback is running and none runs
    /// later, and those that ran are a prefix of the cookies (C-55, C-56, H-6).
    /// </summary>
    [Fact]
    public void Terminate_async_and_synchronize_from_another_context_while_callbacks_run_leave_no_callback_behind_across_500_schedules_C55_C56_H6()
    {
        int fromCallback = 0, fromThread = 0;
        var result = ScheduleExploration.Explore(Seeds, system =>
        {
            var random = new Random((int)system.Simulation().Seed!.Value);
            var rig = new ApiRig(system);
            rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 2));
            var victim = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
            var killer = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
            var ran = new List<int>();
            int running = 0, ranAtReturn = -1, runningAtReturn = -1;

            void Synchronize()
            {
                victim.Synchronize();
                runningAtReturn = Volatile.Read(ref running);
                lock (ran) ranAtReturn = ran.Count;
            }

            for (int i = 0; i < 8; i++)
            {
                var desc = victim.PrepDmaMemcpy(ApiRig.Destination(i), ApiRig.Source(i), random.Next(4, 20) * 64, DmaCtrlFlags.PrepInterrupt)!;
                desc.CallbackParam = desc;
                desc.Callback = p =>
                {
                    Interlocked.Increment(ref running);
                    lock (ran) ran.Add(((DmaAsyncTxDescriptor)p!).Cookie);
                    Interlocked.Decrement(ref running);
                };
                desc.Submit();
            }
            victim.IssuePending();
            bool viaCallback = random.Next(2) == 0;
            if (viaCallback)
            {
                bool terminated = false;
                Exception? refused = null;
                var trigger = killer.PrepDmaMemcpy(ApiRig.Destination(20), ApiRig.Source(20), random.Next(1, 60) * 64, DmaCtrlFlags.PrepInterrupt)!;
                trigger.Callback = _ =>
                {
                    victim.TerminateAsync();
                    try { victim.Synchronize(); } catch (Exception e) { refused = e; }
                    Volatile.Write(ref terminated, true);
                };
                trigger.Submit();
                killer.IssuePending();
                rig.RunUntil(() => Volatile.Read(ref terminated), "the killer's callback");
                DmaExceptionAssert.IsDeadlockRefusal(refused);
                Synchronize();
                fromCallback++;
            }
            else
            {
                int after = random.Next(0, 6);
                system.RunUntil(() => { lock (ran) return ran.Count >= after; }, Duration.FromSeconds(1));
                victim.TerminateAsync();
                Synchronize();
                fromThread++;
            }
            system.Advance(Duration.FromMilliseconds(5));

            Assert.Equal(0, runningAtReturn);
            lock (ran)
            {
                Assert.Equal(ranAtReturn, ran.Count);
                Assert.Equal(Enumerable.Range(2, ran.Count), ran);
            }
        }, output: output);

        Assert.Equal(Seeds, result.Runs);
        Assert.True(fromCallback > 100 && fromThread > 100, $"{fromCallback} runs terminated from a callback, {fromThread} from the test thread.");
    }
}
