using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Exploration;

/// <summary>
/// The virtual clock driven by one thread while others submit and make blocking calls, on the thread
/// pool: every descriptor is accounted for, exactly one callback or dropped by a terminate, and none
/// is left in progress.
/// </summary>
public sealed class VirtualClockHammerTests(ITestOutputHelper output)
{
    private static readonly SimulationSettings ThreadPool = new() { Dispatcher = DispatcherKind.ThreadPool, Clock = ClockKind.Virtual };

    private sealed class Tracked(int channel, int cookie, int length, int generation)
    {
        public int Channel { get; } = channel;
        public int Cookie { get; } = cookie;
        public int Length { get; } = length;
        public int Generation { get; } = generation;
        public int Callbacks;
    }

    [Fact]
    public void One_thread_advances_while_others_submit_and_block_and_every_descriptor_is_accounted_for()
    {
        int seeds = int.TryParse(Environment.GetEnvironmentVariable("DMACTORS_HAMMER_SEEDS"), out int n) ? n : 200;
        for (int seed = 1; seed <= seeds; seed++)
        {
            var problem = RunOnce(seed);
            Assert.True(problem is null, $"Seed {seed}: {problem}");
        }
        output.WriteLine($"{seeds} seeds, nothing stuck");
    }

    private static string? RunOnce(int seed)
    {
        using var scope = new SimulationScope($"hammer-{seed}", ThreadPool);
        var world = scope.World;
        var rig = new ApiRig(scope.System);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 4) with { PhysicalChannels = 2 });
        var chans = Enumerable.Range(0, 4).Select(_ => rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!).ToArray();
        var generations = new int[4];
        var tracked = new List<Tracked>();
        var errors = new List<string>();
        var listener = Akka.Actor.Dsl.ActExtensions.ActorOf(scope.System, dsl => dsl.ReceiveAny((m, _) => { lock (errors) errors.Add(m.ToString()!); }));
        scope.System.EventStream.Subscribe(listener, typeof(Akka.Event.Error));
        scope.System.EventStream.Subscribe(listener, typeof(Akka.Event.Warning));
        var failures = new List<Exception>();
        int workersLeft = 3;

        var workers = Enumerable.Range(0, 3).Select(w => new Thread(() =>
        {
            var random = new Random(seed * 31 + w);
            try
            {
                for (int i = 0; i < 40; i++)
                {
                    int c = random.Next(4);
                    var chan = chans[c];
                    int roll = random.Next(100);
                    if (roll < 70)
                    {
                        int length = 64 * random.Next(1, 64);
                        int slot = (w * 40 + i) % 2000;
                        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(slot), ApiRig.Source(slot), length, DmaCtrlFlags.PrepInterrupt)!;
                        int generation = Volatile.Read(ref generations[c]);
                        Tracked? t = null;
                        desc.Callback = _ => Interlocked.Increment(ref t!.Callbacks);
                        lock (tracked)
                        {
                            int cookie;
                            try
                            {
                                cookie = desc.Submit();
                            }
                            catch (DmaException refused) when (refused.Rule == "H-7")
                            {
                                // Another thread terminated the channel between prep and submit: the kernel refuses it too.
                                continue;
                            }
                            t = new Tracked(c, cookie, length, generation);
                            tracked.Add(t);
                        }
                        chan.IssuePending();
                    }
                    else if (roll < 80)
                    {
                        Tracked? last;
                        lock (tracked) last = tracked.LastOrDefault(x => x.Channel == c);
                        if (last is not null) chan.TxStatus(last.Cookie);
                    }
                    else if (roll < 90)
                    {
                        // Another thread may resume (or terminate) in between: then this resume is refused (C-51).
                        chan.Pause();
                        try
                        {
                            chan.Resume();
                        }
                        catch (DmaException refused) when (refused.Rule == "C-51")
                        {
                        }
                    }
                    else
                    {
                        chan.TerminateSync();
                        Interlocked.Increment(ref generations[c]);
                    }
                }
            }
            catch (Exception error)
            {
                lock (failures) failures.Add(error);
            }
            finally
            {
                Interlocked.Decrement(ref workersLeft);
            }
        })).ToList();
        var advancer = new Thread(() =>
        {
            var random = new Random(seed);
            try
            {
                while (Volatile.Read(ref workersLeft) > 0) world.Advance(Duration.FromMicroseconds(random.Next(1, 50)));
            }
            catch (Exception error)
            {
                lock (failures) failures.Add(error);
            }
        });
        workers.ForEach(t => t.Start());
        advancer.Start();
        workers.ForEach(t => t.Join());
        advancer.Join();
        if (failures.Count > 0) return string.Join("; ", failures.Select(f => f.GetType().Name + ": " + f.Message));

        for (int round = 0; round < 3; round++)
        {
            foreach (var chan in chans) chan.IssuePending();
            world.Advance(Duration.FromMilliseconds(10));
        }
        foreach (var t in tracked)
        {
            int callbacks = Volatile.Read(ref t.Callbacks);
            if (callbacks > 1) return $"chan {t.Channel} cookie {t.Cookie}: {callbacks} callbacks";
            if (callbacks == 1) continue;
            var status = chans[t.Channel].TxStatus(t.Cookie, out var state);
            bool terminatedSince = Volatile.Read(ref generations[t.Channel]) > t.Generation;
            if (!terminatedSince)
            {
                var channel = chans[t.Channel].Port.Ask(Actors.Channels.GetChannelState.Instance);
                string logged;
                lock (errors) logged = string.Join(" | ", errors.Take(5));
                return $"chan {t.Channel} cookie {t.Cookie} ({t.Length} B): no callback, never terminated, status {status}, residue {state.Residue}; channel {channel}; log: {logged}";
            }
        }
        return null;
    }
}
