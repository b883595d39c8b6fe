using Akka.Actor;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Tests.Controller;

/// <summary>A DMA controller put into an ActorSystem its user already runs: its actors live on a simulated world attached to that system, on virtual time.</summary>
public sealed class AttachedControllerTests
{
    [Fact]
    public async Task A_controller_in_a_users_own_system_copies_on_virtual_time()
    {
        using var system = ActorSystem.Create("users-system", "akka.loglevel = WARNING\nakka.stdout-loglevel = OFF");
        var world = Simulation.Attach(system);
        var memory = PhysicalMemory.Create(0x8000_0000, 1 << 20);
        memory.Write(0x8000_0000, Enumerable.Range(0, 4096).Select(i => (byte)(i + 1)).ToArray());
        var dma = DmaController.Start(system, new ControllerConfig { Memory = memory });
        var port = dma.Open(0);
        long completedAt = -1;

        int cookie = port.Submit(TransferSpec.Memcpy(0x8000_0000, 0x8008_0000, 4096, 64), new DescriptorOptions(DmaCtrlFlags.PrepInterrupt, _ => completedAt = world.Clock.NowNanoseconds));
        port.IssuePending();
        world.Advance(Duration.FromMicroseconds(20));

        // 64 bursts of 64 bytes on a 32-bit, 100 MHz bus: 160 ns each.
        Assert.Equal(64 * 160, completedAt);
        Assert.Equal(DmaStatus.Complete, port.Status(cookie).Status);
        Assert.StartsWith("/user/dmactors-world/dma0", dma.Actor.Path.ToStringWithoutAddress(), StringComparison.Ordinal);
        var copy = new byte[4096];
        memory.Read(0x8008_0000, copy);
        Assert.Equal(Enumerable.Range(0, 4096).Select(i => (byte)(i + 1)), copy);
        await system.Terminate();
    }
}
