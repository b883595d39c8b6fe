using BenchmarkDotNet.Attributes;
using DmaActors.Actors.Memory;
using DmaActors.Api;
using DmaActors.Api.Provider;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Benchmarks;

/// <summary>
/// Small descriptors end to end through the synchronous façade, as a driver issues them: prep,
/// submit, issue_pending, and a completion callback, 64-byte memcpys, a window of them in flight
/// per channel. Reported per descriptor, on each dispatcher with the virtual clock.
/// </summary>
[MemoryDiagnoser]
public class FacadeBenchmarks : SimulationBenchmark
{
    private const int Descriptors = 2_000;
    private const int InFlight = 16;
    private const ulong Ram = 0x8000_0000;

    private DmaChan? _chan;

    /// <summary>Which dispatcher runs the system.</summary>
    [Params(DispatcherKind.ThreadPool, DispatcherKind.Deterministic)]
    public DispatcherKind Dispatcher { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var system = StartSimulation("facade", Dispatcher);
        var engine = new DmaEngine(system, PhysicalMemory.Create(Ram, 16 << 20));
        engine.DmaAsyncDeviceRegister(new DmaDeviceDescription { Dev = "memcpy", CapMask = DmaCapMask.Memcpy, ChannelCount = 1, PhysicalChannels = 1, Bus = new(8, 500_000_000) });
        _chan = engine.RequestChannel(DmaCapMask.Memcpy, null, null);
    }

    [Benchmark(OperationsPerInvoke = Descriptors, Description = "64 B memcpy descriptor: prep, submit, issue, callback")]
    public void SmallDescriptors()
    {
        var chan = _chan!;
        int completed = 0, issued = 0;
        void Issue()
        {
            int n = Interlocked.Increment(ref issued);
            if (n > Descriptors) return;
            var desc = chan.PrepDmaMemcpy(Ram + (8 << 20) + (ulong)(n % 64 * 64), Ram + (ulong)(n % 64 * 64), 64, DmaCtrlFlags.PrepInterrupt)!;
            desc.Callback = _ =>
            {
                Interlocked.Increment(ref completed);
                Issue();
            };
            desc.Submit();
            chan.IssuePending();
        }
        for (int i = 0; i < InFlight; i++) Issue();
        World.RunUntil(() => Volatile.Read(ref completed) >= Descriptors, Duration.FromSeconds(10));
        if (completed < Descriptors) throw new InvalidOperationException($"only {completed} of {Descriptors} descriptors completed");
    }
}
