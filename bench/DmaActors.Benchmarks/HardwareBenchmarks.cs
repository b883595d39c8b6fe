using BenchmarkDotNet.Attributes;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Benchmarks;

/// <summary>
/// The host cost of the simulated hardware: one uncontended 1 MiB memcpy through a controller
/// (64-byte bursts on a 64-bit, 500 MHz bus: 16,384 bursts, coalesced into one train), and the
/// same 1 MiB as two 512 KiB memcpys on two channels competing for the bus (every burst granted
/// on its own, round-robin: the per-burst hot path), on each dispatcher with the virtual clock,
/// against <see cref="Buffer.MemoryCopy"/> of the same bytes. Results per burst.
/// </summary>
[MemoryDiagnoser]
public class HardwareBenchmarks : SimulationBenchmark
{
    private const int Bytes = 1 << 20;
    private const int BurstBytes = 64;
    private const int Bursts = Bytes / BurstBytes;
    private const ulong Source = 0x8000_0000, Destination = 0x8100_0000;

    private readonly byte[] _from = new byte[Bytes];
    private readonly byte[] _to = new byte[Bytes];
    private readonly DescriptorOptions _countCompletion;
    private VirtualChannelPort[] _ports = [];
    private int _completed;

    /// <summary>Creates the benchmark; completions are counted by a callback, so nothing asks the channel.</summary>
    public HardwareBenchmarks() =>
        _countCompletion = new DescriptorOptions(DmaCtrlFlags.PrepInterrupt, _ => Interlocked.Increment(ref _completed));

    /// <summary>Which dispatcher runs the hardware.</summary>
    [Params(DispatcherKind.ThreadPool, DispatcherKind.Deterministic)]
    public DispatcherKind Dispatcher { get; set; }

    [GlobalSetup(Targets = [nameof(SimulatedMemcpy), nameof(ContendedMemcpy)])]
    public void SetupSimulation()
    {
        var system = StartSimulation("hw", Dispatcher);
        var memory = PhysicalMemory.Create(Source, 64 << 20);
        memory.Fill(Source, 0x5a, Bytes);
        var controller = DmaController.Start(system, new ControllerConfig { Memory = memory, Bus = new(8, 500_000_000) });
        // Opened here, not in the measured runs: a virtual channel's actors are made on its first open.
        _ports = [controller.Open(0), controller.Open(1)];
    }

    [Benchmark(OperationsPerInvoke = Bursts, Description = "simulated 1 MiB memcpy, per burst")]
    public void SimulatedMemcpy()
    {
        int before = Volatile.Read(ref _completed);
        Memcpy(0, Source, Destination, Bytes);
        // 16,384 bursts of 16 ns each: 262 µs of bus time; advance past it.
        World.Advance(Duration.FromMicroseconds(300));
        ExpectCompleted(before + 1);
    }

    [Benchmark(OperationsPerInvoke = Bursts, Description = "two 512 KiB memcpys contending, per burst")]
    public void ContendedMemcpy()
    {
        const int half = Bytes / 2;
        int before = Volatile.Read(ref _completed);
        Memcpy(0, Source, Destination, half);
        Memcpy(1, Source + half, Destination + half, half);
        World.Advance(Duration.FromMicroseconds(300));
        ExpectCompleted(before + 2);
    }

    /// <summary>
    /// Submits and issues a memcpy through the channel's port, as the façade does (cookie at once,
    /// nothing waits); its callback counts completions.
    /// </summary>
    private void Memcpy(int channel, ulong source, ulong destination, int bytes)
    {
        var port = _ports[channel];
        port.Submit(TransferSpec.Memcpy(source, destination, bytes, BurstBytes), _countCompletion);
        port.IssuePending();
    }

    private void ExpectCompleted(int count)
    {
        if (Volatile.Read(ref _completed) != count)
            throw new InvalidOperationException($"{count - Volatile.Read(ref _completed)} simulated memcpys did not complete in their bus time.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Bursts, Description = "Buffer.MemoryCopy 1 MiB, per 64 B")]
    public unsafe void MemoryCopy()
    {
        fixed (byte* from = _from)
        fixed (byte* to = _to)
        {
            Buffer.MemoryCopy(from, to, Bytes, Bytes);
        }
    }
}
