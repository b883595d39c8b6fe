using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

public sealed class UartTransmitTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 4;
    private const int Bytes = 1000;

    [Fact]
    public void Uart_tx_puts_every_byte_on_the_wire_in_order_and_the_descriptor_completes_when_the_last_byte_is_in_the_fifo()
    {
        var profile = DeviceProfile.Uart115200(DmaTransferDirection.MemToDev);
        var pattern = new DataPattern(seed: 11);
        var rig = new DeviceRig(Sys, profile, pattern, Line);
        rig.Memory.Write(DeviceRig.RamBase, pattern.Bytes(0, Bytes));
        var done = CreateTestProbe();
        var clock = World.Clock;
        rig.Device.Tell(new StartDevice());

        rig.Issue(0, TransferSpec.SlaveSg(DmaTransferDirection.MemToDev, [(DeviceRig.RamBase, Bytes)], Line, beatBytes: 1, maxBurst: 16),
            outcome => done.Ref.Tell(new Completed(outcome, clock.NowNanoseconds)));
        var completed = done.ExpectMsg<Completed>(Duration.FromSeconds(3));
        var atCompletion = rig.Stats();

        // 62 bursts of 16 and a last request cut to 8 bytes. The wire never starves, so the
        // last request goes out when the FIFO is down to 48 bytes: 944 bytes have left it, the
        // 944th at slot 943's start; its 8 bytes then take 2 cycles (20 ns) of the 32-bit bus.
        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), completed.Outcome);
        Assert.Equal(profile.Timing.Offset(943) + 20, completed.AtNanoseconds);
        Assert.Equal(Bytes, atCompletion.DmaBytes);
        Assert.Equal(944, atCompletion.WireBytes);

        Advance(Duration.FromMilliseconds(100));
        var end = rig.Stats();

        Assert.Equal((Bytes, 0L, 0L, 0L), (end.WireBytes, end.Mismatches, end.Underruns, end.Overruns));
        Assert.Equal(profile.Timing.Offset(Bytes), end.WireBusyUntilNanoseconds);
        Assert.Equal(86_805_555, end.WireBusyUntilNanoseconds);
        // One request raised at reset (dropped: no channel bound yet) and flushed when the
        // descriptor bound the line, 63 served, and one raised after the end (the unbind's
        // flush takes it back and it is raised again), still outstanding.
        Assert.Equal((65L, 2L, 16), (end.Requests, end.Flushes, end.OutstandingBytes));
        Output?.WriteLine($"completed at {completed.AtNanoseconds} ns, wire done at {end.WireBusyUntilNanoseconds} ns, requests {end.Requests}");
    }

    private sealed record Completed(DmaengineResult Outcome, long AtNanoseconds);
}
