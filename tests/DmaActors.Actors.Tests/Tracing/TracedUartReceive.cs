using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Tests.Devices;
using DmaActors.Actors.Tracing;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Tests.Tracing;

/// <summary>The traced run the tracer and waveform tests read: a 3 Mbaud UART on request line 2 receiving 64 bytes in 16-byte bursts, traced for 1 ms of virtual time.</summary>
internal static class TracedUartReceive
{
    public static IReadOnlyList<HardwareTraceRecord> Run(ActorSystem sys)
    {
        var tracer = new HardwareTracer(sys.Simulation().Clock);
        sys.Simulation().Tracer = tracer;
        var rig = new DeviceRig(sys, DeviceProfile.Uart3M(DmaTransferDirection.DevToMem), new DataPattern(seed: 3), line: 2);
        rig.Device.Tell(new StartDevice());
        rig.Issue(0, TransferSpec.SlaveSg(DmaTransferDirection.DevToMem, [(DeviceRig.RamBase, 64)], 2, beatBytes: 1, maxBurst: 16));
        sys.Advance(Duration.FromMilliseconds(1));
        return tracer.Records;
    }
}
