using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;

namespace DmaActors.Api.Tests.Consumer;

/// <summary>
/// Driving virtual time around the façade, on both dispatchers: a <c>RunUntil</c> condition may
/// call the façade (it is evaluated on the thread pool too); <c>Advance</c>, <c>RunUntil</c> and
/// <c>RunUntilIdle</c> from a completion callback are refused at the call with an
/// <see cref="ActorDeadlockException"/> the callback sees (a callback must not sleep, C-35), never
/// an exception on a pool thread or a livelock.
/// </summary>
public sealed class DrivingTheWorldTests
{
    public static TheoryData<DispatcherKind> Dispatchers => [DispatcherKind.Deterministic, DispatcherKind.ThreadPool];

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void A_run_until_condition_may_read_tx_status_through_the_facade_C45(DispatcherKind dispatcher)
    {
        using var scope = Scope(dispatcher);
        var (rig, chan) = Memcpy(scope);
        var cookies = Enumerable.Range(0, 50).Select(slot => Submit(rig, chan, slot)).ToArray();
        chan.IssuePending();

        var outcome = scope.World.RunUntil(() => chan.TxStatus(cookies[^1]) == DmaStatus.Complete, Duration.FromMilliseconds(50));

        Assert.Equal(RunOutcome.ConditionMet, outcome);
        Assert.All(cookies, c => Assert.Equal(DmaStatus.Complete, chan.TxStatus(c)));
    }

    public static TheoryData<DispatcherKind, string> DispatchersAndDrives => new()
    {
        { DispatcherKind.Deterministic, "Advance" },
        { DispatcherKind.Deterministic, "RunUntil" },
        { DispatcherKind.Deterministic, "RunUntilIdle" },
        { DispatcherKind.ThreadPool, "Advance" },
        { DispatcherKind.ThreadPool, "RunUntil" },
        { DispatcherKind.ThreadPool, "RunUntilIdle" },
    };

    [Theory]
    [MemberData(nameof(DispatchersAndDrives))]
    public void Driving_the_world_from_a_completion_callback_is_refused_to_the_callback_C35(DispatcherKind dispatcher, string drive)
    {
        using var scope = Scope(dispatcher);
        var (rig, chan) = Memcpy(scope);
        Exception? refused = null;
        bool ran = false;
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 256, DmaCtrlFlags.PrepInterrupt)!;
        desc.Callback = _ =>
        {
            try
            {
                switch (drive)
                {
                    case "Advance": scope.System.Advance(Duration.FromMicroseconds(10)); break;
                    case "RunUntil": scope.World.RunUntil(() => false, Duration.FromMicroseconds(10)); break;
                    default: scope.System.RunUntilIdle(); break;
                }
            }
            catch (ActorDeadlockException e)
            {
                refused = e;
            }
            ran = true;
        };
        desc.Submit();
        chan.IssuePending();

        scope.World.RunUntil(() => Volatile.Read(ref ran), Duration.FromMilliseconds(10));

        Assert.True(ran);
        Assert.IsType<ActorDeadlockException>(refused);
        Assert.Contains(drive, refused!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public void KtimeGetNs_reads_the_virtual_clock_the_facade_drives(DispatcherKind dispatcher)
    {
        using var scope = Scope(dispatcher);
        var (rig, chan) = Memcpy(scope);
        long before = rig.Engine.KtimeGetNs();

        rig.Engine.Advance(TimeSpan.FromMicroseconds(25));

        Assert.Equal(25_000, rig.Engine.KtimeGetNs() - before);
        Assert.Equal(scope.World.Clock.NowNanoseconds, rig.Engine.KtimeGetNs());
        int cookie = Submit(rig, chan, 0);
        chan.IssuePending();
        Assert.True(rig.Engine.RunUntil(() => chan.TxStatus(cookie) == DmaStatus.Complete, TimeSpan.FromMilliseconds(5)));
        Assert.True(rig.Engine.KtimeGetNs() > before + 25_000, "a transfer takes virtual time, and KtimeGetNs sees it");
    }

    private static SimulationScope Scope(DispatcherKind dispatcher) =>
        new($"driving-{dispatcher}", new SimulationSettings { Dispatcher = dispatcher, Clock = ClockKind.Virtual, Seed = 3 });

    private static (ApiRig Rig, DmaChan Chan) Memcpy(SimulationScope scope)
    {
        var rig = new ApiRig(scope.System);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 1));
        return (rig, rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!);
    }

    private static int Submit(ApiRig rig, DmaChan chan, int slot)
    {
        rig.Fill(ApiRig.Source(slot), 256, slot);
        return chan.PrepDmaMemcpy(ApiRig.Destination(slot), ApiRig.Source(slot), 256, DmaCtrlFlags.PrepInterrupt)!.Submit();
    }
}
