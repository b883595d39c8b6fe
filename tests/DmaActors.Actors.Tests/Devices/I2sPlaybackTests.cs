using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Bus;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

/// <summary>Audio playback from a cyclic buffer while a memcpy on another channel competes for the bus.</summary>
public sealed class I2sPlaybackTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 5;
    private const ulong AudioBuffer = DeviceRig.RamBase;
    private const int BufferBytes = 8192;   // 2048 frames, 42.7 ms
    private const int PeriodBytes = 2048;   // 512 frames, 10.7 ms
    private const ulong CopySource = DeviceRig.RamBase + (16 << 20);
    private const ulong CopyDestination = DeviceRig.RamBase + (32 << 20);
    private const int CopyBytes = 8 << 20;  // longer than the run on this bus

    /// <summary>A 32-bit bus at 10 MHz: 40 MB/s, against the stream's 192 kB/s.</summary>
    private static readonly BusTiming Bus = new(4, 10_000_000);

    /// <summary>Frame slots started in 100 ms at 48 kHz: slot 4800 starts at 100 ms exactly.</summary>
    private const long SlotsIn100Ms = 4801;

    [Fact]
    public void Cyclic_i2s_playback_has_no_underrun_when_round_robin_leaves_it_enough_of_the_bus()
    {
        var (stats, copied) = Play(copyBurstBytes: 256);

        Output?.WriteLine($"256-byte memcpy bursts: underruns {stats.Underruns}, wire {stats.WireBytes} B, memcpy moved {copied} B");
        Assert.Equal(0, stats.Underruns);
        Assert.Equal(0, stats.Mismatches);
        Assert.Equal(SlotsIn100Ms * 4, stats.WireBytes);
        Assert.True(copied > 3_900_000, $"The memcpy should have had the rest of the bus (moved {copied} B).");
    }

    [Fact]
    public void Cyclic_i2s_playback_underruns_when_a_memcpy_holds_the_bus_for_longer_than_the_fifo_lasts()
    {
        // A 64 KiB burst holds the bus for 1.64 ms; the FIFO's 32 frames last 0.67 ms.
        var (stats, copied) = Play(copyBurstBytes: 64 << 10);

        Output?.WriteLine($"64 KiB memcpy bursts: underruns {stats.Underruns}, wire {stats.WireBytes} B, memcpy moved {copied} B");
        Assert.True(stats.Underruns > 0);
        Assert.Equal(SlotsIn100Ms, stats.Underruns + (stats.WireBytes / 4));
        Assert.Equal(0, stats.Mismatches); // late, never wrong
    }

    private (DeviceStatsReply Stats, long Copied) Play(int copyBurstBytes)
    {
        var pattern = new DataPattern(seed: 48_000, period: BufferBytes);
        var rig = new DeviceRig(Sys, DeviceProfile.I2s(DmaTransferDirection.MemToDev), pattern, Line, Bus, ramBytes: 64 << 20);
        rig.Memory.Write(AudioBuffer, pattern.Bytes(0, BufferBytes));

        // As ALSA does: start the DMA, let it fill the FIFO, then start the codec's clocks.
        rig.Issue(0, TransferSpec.CyclicBuffer(DmaTransferDirection.MemToDev, AudioBuffer, BufferBytes, PeriodBytes, Line, beatBytes: 4, maxBurst: 8));
        Advance(Duration.FromMicroseconds(10));
        rig.Issue(1, TransferSpec.Memcpy(CopySource, CopyDestination, CopyBytes, copyBurstBytes));
        rig.Device.Tell(new StartDevice());

        Advance(Duration.FromMilliseconds(100));

        var arbiter = rig.Controller.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance);
        return (rig.Stats(), arbiter.BytesPerChannel[1]);
    }
}
