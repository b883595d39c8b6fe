using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Tests.Devices;

/// <summary>
/// One second of a 115 200 baud 8N1 UART receiving into memory through a slave scatter-gather
/// descriptor: shared by the deterministic and the thread-pool runs, which must agree.
/// </summary>
internal static class UartReceiveScenario
{
    public const int Line = 3;
    public const int BufferBytes = 16 << 10;

    /// <summary>115 200 bit/s ÷ 10 bits a character.</summary>
    public const int CharactersPerSecond = 11_520;

    public static (long Landed, byte[] Memory, DeviceStatsReply Stats, DataPattern Pattern) Run(ActorSystem system)
    {
        var pattern = new DataPattern(seed: 0x5EED);
        var rig = new DeviceRig(system, DeviceProfile.Uart115200(DmaTransferDirection.DevToMem), pattern, Line);
        int cookie = rig.Issue(0, TransferSpec.SlaveSg(DmaTransferDirection.DevToMem, [(DeviceRig.RamBase, BufferBytes)], Line, beatBytes: 1, maxBurst: 16));
        rig.Device.Tell(new StartDevice());

        system.Advance(Duration.FromSeconds(1));

        var status = rig.Status(0, cookie);
        long landed = BufferBytes - status.Residue;
        return (landed, rig.Read(DeviceRig.RamBase, landed), rig.Stats(), pattern);
    }
}
