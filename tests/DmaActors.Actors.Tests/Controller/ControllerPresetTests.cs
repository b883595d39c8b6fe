using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Controller;

public sealed class ControllerPresetTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static readonly PhysicalMemory Memory = PhysicalMemory.Create(0x8000_0000, 16 << 20);

    [Theory]
    [InlineData("ti,edma3-tpcc", 64, 64, 64, "edma3-event-queues")]
    [InlineData("arm,pl330", 8, 32, 32, "pl330")]
    [InlineData("arm,pl080", 8, 16, 16, "pl080")]
    [InlineData("arm,pl081", 2, 16, 16, "pl080")]
    [InlineData("dmactors,memcpy-engine", 4, 4, 0, "round-robin")]
    public void Each_compatible_selects_its_parts_parameters(string compatible, int physical, int channels, int lines, string policy)
    {
        var config = ControllerPresets.ForCompatible(compatible, Memory)!;
        Assert.Equal((physical, channels, lines), (config.PhysicalChannels, config.VirtualChannels, config.RequestLines));
        Assert.Equal(policy, config.Policy().Name);
        config.Validated();
    }

    [Fact]
    public void An_unknown_compatible_has_no_preset()
    {
        Assert.Null(ControllerPresets.ForCompatible("acme,dma9000", Memory));
        Assert.All(ControllerPresets.Compatibles, c => Assert.NotNull(ControllerPresets.ForCompatible(c, Memory)));
    }

    [Theory]
    [InlineData("ti,edma3-tpcc")]
    [InlineData("arm,pl330")]
    [InlineData("arm,pl080")]
    [InlineData("dmactors,memcpy-engine")]
    public void Every_preset_runs_a_memcpy_end_to_end(string compatible)
    {
        var memory = PhysicalMemory.Create(0x8000_0000, 1 << 20);
        var source = Enumerable.Range(0, 4096).Select(i => (byte)(i * 13 + 1)).ToArray();
        memory.Write(0x8000_0000, source);
        var controller = DmaController.Start(Sys, ControllerPresets.ForCompatible(compatible, memory)!);
        var port = controller.Open(0);
        int cookie = port.Submit(TransferSpec.Memcpy(0x8000_0000, 0x8008_0000, 4096, 64), new DescriptorOptions());
        port.IssuePending();
        Advance(Duration.FromMilliseconds(1));
        Assert.Equal(DmaStatus.Complete, Assert.IsType<TxStatusReply>(port.Ask(new GetTxStatus(cookie))).Status);
        var copy = new byte[4096];
        memory.Read(0x8008_0000, copy);
        Assert.Equal(source, copy);
    }
}
