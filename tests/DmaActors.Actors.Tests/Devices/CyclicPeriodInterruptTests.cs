using Akka.Actor;
using DmaActors.Actors.Bus;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

/// <summary>
/// A cyclic transfer's period callbacks come from the period interrupts, which DMA_PREP_INTERRUPT asks
/// for (C-28): without the flag the audio still plays, but no callback runs.
/// </summary>
public sealed class CyclicPeriodInterruptTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 5;
    private const ulong AudioBuffer = DeviceRig.RamBase;
    private const int BufferBytes = 8192;
    private const int PeriodBytes = 2048;

    [Theory]
    [InlineData(DmaCtrlFlags.PrepInterrupt, true)]
    [InlineData(DmaCtrlFlags.None, false)]
    public void Period_callbacks_run_only_with_prep_interrupt_C28(DmaCtrlFlags flags, bool expectCallbacks)
    {
        var pattern = new DataPattern(seed: 48_000, period: BufferBytes);
        var rig = new DeviceRig(Sys, DeviceProfile.I2s(DmaTransferDirection.MemToDev), pattern, Line, new BusTiming(4, 10_000_000));
        rig.Memory.Write(AudioBuffer, pattern.Bytes(0, BufferBytes));
        int periods = 0;

        rig.Issue(0, TransferSpec.CyclicBuffer(DmaTransferDirection.MemToDev, AudioBuffer, BufferBytes, PeriodBytes, Line, beatBytes: 4, maxBurst: 8),
            _ => Interlocked.Increment(ref periods), flags);
        rig.Device.Tell(new StartDevice());
        Advance(Duration.FromMilliseconds(50));

        var stats = rig.Stats();
        Output?.WriteLine($"flags {flags}: {Volatile.Read(ref periods)} period callbacks, wire {stats.WireBytes} B");
        Assert.True(stats.WireBytes > 4 * PeriodBytes, "the stream should play either way");
        Assert.Equal(0, stats.Mismatches);
        Assert.Equal(expectCallbacks, Volatile.Read(ref periods) > 0);
    }
}
