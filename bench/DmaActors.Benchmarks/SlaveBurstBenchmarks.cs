using BenchmarkDotNet.Attributes;
using Akka.Actor;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Benchmarks;

/// <summary>
/// The host cost of device-paced bursts: an MMC card (25 MB/s, 64-byte DRQ bursts) read into
/// memory, 256 KiB per invocation (4,096 DRQ bursts, 10.5 ms of virtual time), deterministic
/// dispatcher with the virtual clock. Each burst is a DRQ handshake: the device raises the request
/// with its bytes, the arbiter routes it to the bound channel, the channel asks for the bus,
/// moves the bytes when granted and acknowledges; the device's wire timer paces it all. Results
/// per DRQ burst, with what each allocates.
/// </summary>
[MemoryDiagnoser]
public class SlaveBurstBenchmarks : SimulationBenchmark
{
    private const int Line = 7;
    private const int Bytes = 256 << 10;
    private const int Bursts = Bytes / 64;
    private const ulong Ram = 0x8000_0000;

    private VirtualChannelPort? _port;
    private IActorRef? _card;
    private int _completed;

    [GlobalSetup]
    public void Setup()
    {
        var system = StartSimulation("slave", DispatcherKind.Deterministic);
        var memory = PhysicalMemory.Create(Ram, 16 << 20);
        memory.Fill(Ram, 0, Bytes);
        var controller = DmaController.Start(system, new ControllerConfig { Memory = memory });
        _card = World.ActorOf(SlaveDeviceActor.PropsFor(DeviceProfile.Mmc(DmaTransferDirection.DevToMem), Line, controller.Arbiter, new DataPattern(seed: 1)), "mmc");
        controller.ConnectDevice(Line, _card);
        // Opened here, not in the measured runs: a virtual channel's actors are made on its first open.
        _port = controller.Open(0);
    }

    [Benchmark(OperationsPerInvoke = Bursts, Description = "MMC read 256 KiB, per DRQ burst")]
    public void MmcRead()
    {
        int before = _completed;
        var port = _port!;
        port.Submit(
            TransferSpec.SlaveSg(DmaTransferDirection.DevToMem, [(Ram, Bytes)], Line, beatBytes: 4, maxBurst: 16),
            new DescriptorOptions(DmaCtrlFlags.PrepInterrupt, _ => _completed++));
        port.IssuePending();
        _card!.Tell(new StartDevice(WireBytes: Bytes));
        World.Advance(Duration.FromMilliseconds(11));
        _card.Tell(StopDevice.Instance); // so the next invocation's start sends another 256 KiB
        World.RunUntilIdle();
        if (_completed != before + 1) throw new InvalidOperationException("The MMC read did not complete in its wire time.");
    }
}
