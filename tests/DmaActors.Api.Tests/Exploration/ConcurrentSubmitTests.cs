using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;

namespace DmaActors.Api.Tests.Exploration;

/// <summary>
/// dmaengine_submit() hands out the cookie at once and queues the descriptor without a round trip
/// (V-4: under the channel's lock). Several threads submitting to one channel at once, some with
/// reusable descriptors (prepared on the channel, then submitted by handle), still get unique
/// consecutive cookies (C-39, P-11), and the descriptors complete and call back in cookie order
/// (C-43).
/// </summary>
public sealed class ConcurrentSubmitTests
{
    private const int Threads = 4, PerThread = 100;

    [Fact]
    public void Threads_submitting_to_one_channel_get_consecutive_cookies_that_complete_in_order_C39_C43_V4()
    {
        using var scope = new SimulationScope("concurrent-submit", new SimulationSettings { Dispatcher = DispatcherKind.ThreadPool, Clock = ClockKind.Virtual });
        var rig = new ApiRig(scope.System);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice(channels: 1));
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        var returned = new List<int>();
        var completed = new List<DmaAsyncTxDescriptor>();
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < PerThread; i++)
            {
                int slot = (t * PerThread + i) % 1024;
                var desc = chan.PrepDmaMemcpy(ApiRig.Destination(slot), ApiRig.Source(slot), 64, DmaCtrlFlags.PrepInterrupt)!;
                // Thread 0's descriptors are reusable: they take the prepare-then-submit path, under the same lock.
                if (t == 0) desc.SetReuse();
                desc.Callback = _ => { lock (completed) completed.Add(desc); };
                int cookie = desc.Submit();
                lock (returned) returned.Add(cookie);
                if (i % 7 == 6) chan.IssuePending();
            }
            chan.IssuePending();
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        scope.World.RunUntil(() => { lock (completed) return completed.Count == Threads * PerThread; }, Duration.FromSeconds(1));

        Assert.Equal(Enumerable.Range(2, Threads * PerThread), returned.Order());
        var callbackCookies = completed.Select(d => d.Cookie).ToList();
        Assert.Equal(Threads * PerThread, callbackCookies.Count);
        Assert.Equal(callbackCookies.Order(), callbackCookies);
        chan.TerminateSync();
        rig.Engine.ReleaseChannel(chan);
    }
}
