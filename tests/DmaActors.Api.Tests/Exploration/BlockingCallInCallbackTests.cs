using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;

namespace DmaActors.Api.Tests.Exploration;

/// <summary>
/// A completion callback that calls dmaengine_tx_status of another channel (C-45) and then
/// resubmits. In process context that call asks the channel and waits; inside the simulated world
/// nothing may wait, so there it reads what the other channel published on its port. It must not
/// let virtual time move (nor a RunUntil end as "idle") while the callback is still on its way to
/// resubmit: 50 descriptors of 4 KiB on a 32-bit 100 MHz bus take exactly 50 × 10.24 µs, on the
/// thread pool with the virtual clock as on the deterministic dispatcher.
/// </summary>
public sealed class BlockingCallInCallbackTests
{
    private const int Descriptors = 50;
    private const long Expected = Descriptors * 10_240L;

    [Theory]
    [InlineData(DispatcherKind.ThreadPool, 20)]
    [InlineData(DispatcherKind.Deterministic, 1)]
    public void A_blocking_call_in_a_callback_neither_moves_virtual_time_nor_ends_the_run_early_C45(DispatcherKind dispatcher, int repetitions)
    {
        for (int run = 0; run < repetitions; run++)
        {
            using var scope = new SimulationScope("blocking-callback", new SimulationSettings { Dispatcher = dispatcher, Clock = ClockKind.Virtual, Seed = 1 });
            var world = scope.World;
            var rig = new ApiRig(scope.System);
            rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice(channels: 2));
            var copy = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
            var other = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
            int done = 0;
            long last = 0;
            void Next()
            {
                var desc = copy.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 4096, DmaCtrlFlags.PrepInterrupt)!;
                desc.Callback = _ =>
                {
                    other.TxStatus(2);
                    Volatile.Write(ref last, world.Clock.NowNanoseconds);
                    if (Interlocked.Increment(ref done) < Descriptors) Next();
                };
                desc.Submit();
                copy.IssuePending();
            }

            Next();
            var outcome = world.RunUntil(() => Volatile.Read(ref done) >= Descriptors, Duration.FromSeconds(1));

            Assert.True(outcome == RunOutcome.ConditionMet, $"run {run}: {outcome} after {Volatile.Read(ref done)} descriptors at {world.Clock.NowNanoseconds} ns");
            Assert.Equal(Expected, Volatile.Read(ref last));
        }
    }
}
