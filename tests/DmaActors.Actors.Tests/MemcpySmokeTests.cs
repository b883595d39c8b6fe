using Akka.Actor;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests;

public sealed class MemcpySmokeTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_memcpy_moves_real_bytes_and_completes_with_a_callback()
    {
        var memory = PhysicalMemory.Create(0x8000_0000, 16 << 20);
        var pattern = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 + 3)).ToArray();
        memory.Write(0x8000_0000, pattern);
        var controller = DmaController.Start(Sys, new ControllerConfig { Memory = memory });
        var port = controller.Open(0);
        var done = CreateTestProbe();

        int cookie = port.Submit(
            TransferSpec.Memcpy(0x8000_0000, 0x8010_0000, 4096, burstBytes: 64),
            new DescriptorOptions(DmaCtrlFlags.PrepInterrupt, outcome => done.Ref.Tell(outcome)));
        Assert.Equal(2, cookie);
        port.IssuePending();

        var outcome = done.ExpectMsg<DmaengineResult>(Duration.FromSeconds(3));
        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), outcome);
        var copy = new byte[4096];
        memory.Read(0x8010_0000, copy);
        Assert.Equal(pattern, copy);
        // 64 bursts of 64 bytes on a 4-byte, 100 MHz bus: 16 cycles = 160 ns each.
        Assert.Equal(64 * 160, World.Clock.NowNanoseconds);
        var status = Assert.IsType<TxStatusReply>(port.Ask(new GetTxStatus(cookie)));
        Assert.Equal(DmaStatus.Complete, status.Status);
    }
}
