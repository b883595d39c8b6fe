using Akka.Actor;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Tests.Channels;
using DmaActors.Actors.Tests.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Faults;

/// <summary>
/// Every memory access of every transfer kind honours its bus status: a buffer outside RAM ends the
/// descriptor with DMA_TRANS_READ_FAILED or DMA_TRANS_WRITE_FAILED and the residue of what did not
/// move, never NoError with the bytes dropped. No fault plan here: the memory itself refuses.
/// </summary>
public sealed class UnmappedMemoryTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 3;

    /// <summary>16 MiB of RAM from 0x8000_0000: this is the first byte past it.</summary>
    private const ulong PastRam = DmaRig.RamBase + (16UL << 20);

    [Fact]
    public void Memcpy_from_outside_ram_fails_with_ReadFailed()
    {
        var rig = new DmaRig(Sys);
        rig.Submit(0, TransferSpec.Memcpy(PastRam, DmaRig.Destination(0), 1024, 64));
        rig.Issue(0);
        rig.RunUntilCallbacks(1);

        Assert.Equal(new DmaengineResult(DmaengineTxResult.ReadFailed, 1024), rig.Log.Records[0].Outcome);
        Assert.All(rig.Read(DmaRig.Destination(0), 1024), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Memset_outside_ram_fails_with_WriteFailed()
    {
        var rig = new DmaRig(Sys);
        rig.Submit(0, TransferSpec.Memset(PastRam - 256, 0x5a, 1024, 64));
        rig.Issue(0);
        rig.RunUntilCallbacks(1);

        Assert.Equal(new DmaengineResult(DmaengineTxResult.WriteFailed, 768), rig.Log.Records[0].Outcome);
        Assert.All(rig.Read(PastRam - 256, 256), b => Assert.Equal(0x5a, b));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Dev_to_mem_into_outside_ram_fails_with_WriteFailed_and_the_device_keeps_the_bytes(bool cyclic)
    {
        var pattern = new DataPattern(seed: 77);
        var rig = new DeviceRig(Sys, DeviceProfile.Uart3M(DmaTransferDirection.DevToMem), pattern, Line);
        var outcomes = new List<DmaengineResult>();
        var spec = cyclic
            ? TransferSpec.CyclicBuffer(DmaTransferDirection.DevToMem, PastRam, 1024, 256, Line, beatBytes: 1, maxBurst: 8)
            : TransferSpec.SlaveSg(DmaTransferDirection.DevToMem, [(PastRam, 1024)], Line, beatBytes: 1, maxBurst: 8);
        int cookie = rig.Issue(0, spec, o => { lock (outcomes) outcomes.Add(o); });
        rig.Device.Tell(new StartDevice(WireBytes: 64));
        Advance(Duration.FromMilliseconds(2));

        Assert.Equal(DmaStatus.Error, rig.Status(0, cookie).Status);
        lock (outcomes)
        {
            var failed = Assert.Single(outcomes);
            Assert.Equal(DmaengineTxResult.WriteFailed, failed.Result);
            Assert.Equal(1024, failed.Residue);
        }
        // Nothing was written anywhere, so the device handed nothing over: its bytes are still its own.
        Assert.Equal(0, rig.Stats().DmaBytes);
    }

    [Fact]
    public void Mem_to_dev_from_outside_ram_fails_with_ReadFailed()
    {
        var pattern = new DataPattern(seed: 78);
        var rig = new DeviceRig(Sys, DeviceProfile.Uart3M(DmaTransferDirection.MemToDev), pattern, Line);
        var outcomes = new List<DmaengineResult>();
        int cookie = rig.Issue(0, TransferSpec.SlaveSg(DmaTransferDirection.MemToDev, [(PastRam, 512)], Line, beatBytes: 1, maxBurst: 8),
            o => { lock (outcomes) outcomes.Add(o); });
        rig.Device.Tell(new StartDevice());
        Advance(Duration.FromMilliseconds(2));

        Assert.Equal(DmaStatus.Error, rig.Status(0, cookie).Status);
        lock (outcomes) Assert.Equal(new DmaengineResult(DmaengineTxResult.ReadFailed, 512), Assert.Single(outcomes));
        Assert.Equal(0, rig.Stats().WireBytes);
    }

    [Fact]
    public void Interleaved_into_outside_ram_fails_with_WriteFailed()
    {
        var rig = new DmaRig(Sys);
        rig.Fill(DmaRig.Source(0), 512, 1);
        var template = new InterleavedTemplate(DmaRig.Source(0), PastRam - 128, Frames: 8, Chunks: [(64, 0)]);
        rig.Submit(0, TransferSpec.Interleaved(template, 64));
        rig.Issue(0);
        rig.RunUntilCallbacks(1);

        Assert.Equal(new DmaengineResult(DmaengineTxResult.WriteFailed, 384), rig.Log.Records[0].Outcome);
    }
}
