using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api.Provider;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Exploration;

/// <summary>Slave transfers through the façade against the simulated peripherals: a UART receive loop and I2S cyclic playback.</summary>
public sealed class SlaveDeviceTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 5;

    private static (ApiRig Rig, DmaChan Chan, IActorRef Device, DataPattern Pattern) Board(ActorSystem system, DeviceProfile profile, DmaSlaveConfig config)
    {
        var rig = new ApiRig(system);
        var device = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice(channels: 2) with { FilterMap = [new DmaSlaveMap("periph0", "dma", Line)] });
        var pattern = new DataPattern(seed: 77);
        var peripheral = system.Simulation().ActorOf(SlaveDeviceActor.PropsFor(profile, Line, device.Arbiter, pattern), profile.Name);
        device.ConnectPeripheral(Line, peripheral);
        var chan = rig.Engine.RequestChan("periph0", "dma");
        chan.SlaveConfig(config);
        return (rig, chan, peripheral, pattern);
    }

    /// <summary>
    /// A UART receive loop: two 16-byte buffers in flight, each completion callback preps, submits
    /// and issues the buffer after next (C-36, H-9). 10,000 buffers: every byte the UART received
    /// lands once, in order, with no gap.
    /// </summary>
    [Fact]
    public void Uart_receive_loop_resubmitting_from_its_callback_moves_10000_buffers_without_gap_loss_or_duplicate_C36_H9()
    {
        const int buffers = 10_000, length = 16;
        var (rig, chan, uart, pattern) = Board(Sys, DeviceProfile.Uart3M(DmaTransferDirection.DevToMem),
            new DmaSlaveConfig { SrcAddrWidth = DmaSlaveBuswidth.Bytes1, SrcMaxburst = 16 });
        ulong ring = ApiRig.RamBase + (8UL << 20);
        var done = new List<int>(buffers);

        void Queue(int index)
        {
            var desc = chan.PrepSlaveSingle(ring + (ulong)(index * length), length, DmaTransferDirection.DevToMem, DmaCtrlFlags.PrepInterrupt)!;
            desc.CallbackParam = index;
            desc.Callback = p =>
            {
                int finished = (int)p!;
                done.Add(finished);
                if (finished + 2 < buffers) Queue(finished + 2);
            };
            desc.Submit();
            chan.IssuePending();
        }

        Queue(0);
        Queue(1);
        uart.Tell(new StartDevice(WireBytes: buffers * length));
        Sys.RunUntil(() => done.Count == buffers, Duration.FromSeconds(2));

        Assert.Equal(Enumerable.Range(0, buffers), done);
        Assert.Equal(pattern.Bytes(0, buffers * length), rig.Read(ring, buffers * length));
    }

    /// <summary>Cyclic playback stopped by <c>TerminateAsync</c> from inside its own period callback: legal there (C-36, C-55), and no period callback runs afterwards (C-54).</summary>
    [Fact]
    public void Cyclic_audio_stopped_by_terminate_async_from_its_own_period_callback_runs_no_callback_afterwards_C22_C36_C55()
    {
        var (rig, chan, i2s, pattern) = Board(Sys, DeviceProfile.I2s(DmaTransferDirection.MemToDev),
            new DmaSlaveConfig { DstAddrWidth = DmaSlaveBuswidth.Bytes4, DstMaxburst = 8 });
        rig.Memory.Write(ApiRig.Source(0), pattern.Bytes(0, 8192));
        int periods = 0, afterStop = 0;
        bool stopped = false;
        var cyclic = chan.PrepDmaCyclic(ApiRig.Source(0), 8192, 2048, DmaTransferDirection.MemToDev, DmaCtrlFlags.PrepInterrupt)!;
        cyclic.Callback = _ =>
        {
            if (stopped) { afterStop++; return; }
            if (++periods == 6)
            {
                chan.TerminateAsync();
                stopped = true;
            }
        };
        int cookie = cyclic.Submit();
        chan.IssuePending();
        i2s.Tell(new StartDevice());
        Sys.RunUntil(() => stopped, Duration.FromSeconds(1));
        Advance(Duration.FromMilliseconds(100));
        chan.Synchronize();

        Assert.True(stopped);
        Assert.Equal(0, afterStop);
        Assert.Equal(6, periods);
        Assert.NotEqual(DmaStatus.Paused, chan.TxStatus(cookie));
    }
}
