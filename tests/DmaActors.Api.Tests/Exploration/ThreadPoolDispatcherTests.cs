using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;

namespace DmaActors.Api.Tests.Exploration;

/// <summary>The façade from plain threads, on the thread-pool dispatcher with the virtual clock, where actors run in parallel.</summary>
public sealed class ThreadPoolDispatcherTests
{
    private static readonly SimulationSettings ThreadPool = new() { Dispatcher = DispatcherKind.ThreadPool, Clock = ClockKind.Virtual };

    [Fact]
    public void Four_plain_threads_each_drive_their_own_channel_and_every_byte_and_callback_arrives_in_order()
    {
        using var scope = new SimulationScope("api-threadpool", ThreadPool);
        var world = scope.World;
        var rig = new ApiRig(scope.System);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 4) with { PhysicalChannels = 2 });
        var failures = new List<Exception>();

        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            try
            {
                var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
                var order = new List<int>();
                for (int i = 0; i < 20; i++)
                {
                    int slot = t * 20 + i;
                    rig.Fill(ApiRig.Source(slot), 512, salt: slot);
                    var desc = chan.PrepDmaMemcpy(ApiRig.Destination(slot), ApiRig.Source(slot), 512, DmaCtrlFlags.PrepInterrupt)!;
                    desc.CallbackParam = i;
                    desc.Callback = p => { lock (order) order.Add((int)p!); };
                    desc.Submit();
                    if (i % 5 == 4) chan.IssuePending();
                }
                world.RunUntil(() => { lock (order) return order.Count == 20; }, Duration.FromSeconds(1));
                lock (order) Assert.Equal(Enumerable.Range(0, 20), order);
                for (int i = 0; i < 20; i++)
                {
                    int slot = t * 20 + i;
                    var expected = new byte[512];
                    rig.Memory.Read(ApiRig.Source(slot), expected);
                    Assert.Equal(expected, rig.Read(ApiRig.Destination(slot), 512));
                }
                chan.TerminateSync();
                rig.Engine.ReleaseChannel(chan);
            }
            catch (Exception error)
            {
                lock (failures) failures.Add(error);
            }
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();

        Assert.Empty(failures);
    }

    [Fact]
    public void Terminate_sync_from_a_plain_thread_while_callbacks_run_returns_after_them_and_none_runs_later_C56()
    {
        using var scope = new SimulationScope("api-threadpool-terminate", ThreadPool);
        var world = scope.World;
        var rig = new ApiRig(scope.System);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 1));
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        int running = 0, ran = 0;
        for (int i = 0; i < 30; i++)
        {
            var desc = chan.PrepDmaMemcpy(ApiRig.Destination(i), ApiRig.Source(i), 256, DmaCtrlFlags.PrepInterrupt)!;
            desc.Callback = _ =>
            {
                Interlocked.Increment(ref running);
                Thread.SpinWait(2000);
                Interlocked.Increment(ref ran);
                Interlocked.Decrement(ref running);
            };
            desc.Submit();
        }
        chan.IssuePending();
        world.RunUntil(() => Volatile.Read(ref ran) >= 5, Duration.FromSeconds(1));

        chan.TerminateSync();
        int runningAtReturn = Volatile.Read(ref running), ranAtReturn = Volatile.Read(ref ran);
        world.Advance(Duration.FromMilliseconds(5));

        Assert.Equal(0, runningAtReturn);
        Assert.Equal(ranAtReturn, Volatile.Read(ref ran));
    }
}
