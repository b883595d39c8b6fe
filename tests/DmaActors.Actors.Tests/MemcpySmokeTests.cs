using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests;

public sealed class MemcpySmokeTests(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void A_memcpy_moves_real_bytes_and_completes_with_a_callback()
    {
        var memory = PhysicalMemory.Create(0x8000_0000, 16 << 20);
        var pattern = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 + 3)).ToArray();
        memory.Write(0x8000_0000, pattern);
        var controller = DmaController.Start(Sys, new ControllerConfig { Memory = memory });
        var chan = controller.Channel(0);
        var done = CreateTestProbe();

        var prepared = chan.AskBlocking<DescriptorPrepared>(new PrepareDescriptor(
            TransferSpec.Memcpy(0x8000_0000, 0x8010_0000, 4096, burstBytes: 64),
            new DescriptorOptions(TransferFlags.Interrupt, outcome => done.Ref.Tell(outcome))));
        var submitted = chan.AskBlocking<DescriptorSubmitted>(new SubmitDescriptor(prepared.DescriptorId));
        Assert.Equal(2, submitted.Cookie);
        chan.AskBlocking<PendingIssued>(IssuePending.Instance);

        var outcome = done.ExpectMsg<TransferOutcome>();
        Assert.Equal(new TransferOutcome(TransferResult.NoError, 0), outcome);
        var copy = new byte[4096];
        memory.Read(0x8010_0000, copy);
        Assert.Equal(pattern, copy);
        // 64 bursts of 64 bytes on a 4-byte, 100 MHz bus: 16 cycles = 160 ns each.
        Assert.Equal(64 * 160, Sys.Clock.NowNanoseconds);
        var status = chan.AskBlocking<TxStatusReport>(new QueryTxStatus(submitted.Cookie));
        Assert.Equal(DmaStatus.Complete, status.Status);
    }
}
