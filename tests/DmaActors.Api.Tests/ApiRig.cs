using Akka.Actor;
using DmaActors.Actors.Memory;
using DmaActors.Api.Provider;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Api.Tests;

/// <summary>An engine on a system with 16 MiB of RAM, the descriptions the tests register, and a few verbs.</summary>
internal sealed class ApiRig
{
    public const ulong RamBase = 0x8000_0000;

    public ApiRig(ActorSystem system)
    {
        System = system;
        Memory = PhysicalMemory.Create(RamBase, 16UL << 20);
        Engine = new DmaEngine(system, Memory);
    }

    public ActorSystem System { get; }

    public PhysicalMemory Memory { get; }

    public DmaEngine Engine { get; }

    /// <summary>A memcpy/memset/interleave controller (no slave caps).</summary>
    public static DmaDeviceDescription MemcpyDevice(string dev = "memcpy-dma", int channels = 4) => new()
    {
        Dev = dev,
        CapMask = DmaCapMask.Memcpy | DmaCapMask.Memset | DmaCapMask.Interleave,
        ChannelCount = channels,
        PhysicalChannels = channels,
    };

    /// <summary>A PL330-like slave controller: slave, cyclic, memcpy; 1/2/4-byte widths, max burst 16, reuse.</summary>
    public static DmaDeviceDescription SlaveDevice(string dev = "slave-dma", int channels = 4) => new()
    {
        Dev = dev,
        CapMask = DmaCapMask.Slave | DmaCapMask.Cyclic | DmaCapMask.Memcpy,
        Directions = DmaDirections.MemToDev | DmaDirections.DevToMem,
        SrcAddrWidths = DmaBuswidths.Mask(DmaSlaveBuswidth.Bytes1, DmaSlaveBuswidth.Bytes2, DmaSlaveBuswidth.Bytes4),
        DstAddrWidths = DmaBuswidths.Mask(DmaSlaveBuswidth.Bytes1, DmaSlaveBuswidth.Bytes2, DmaSlaveBuswidth.Bytes4),
        MinBurst = 1,
        MaxBurst = 16,
        DescriptorReuse = true,
        ResidueGranularity = DmaResidueGranularity.Burst,
        ChannelCount = channels,
        PhysicalChannels = 2,
    };

    public static ulong Source(int slot) => RamBase + ((ulong)slot << 12);

    public static ulong Destination(int slot) => RamBase + (8UL << 20) + ((ulong)slot << 12);

    public byte[] Fill(ulong address, int length, int salt)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte)(((i * 7) + (salt * 31)) % 251 + 1);
        Memory.Write(address, bytes);
        return bytes;
    }

    public byte[] Read(ulong address, int length)
    {
        var bytes = new byte[length];
        Memory.Read(address, bytes);
        return bytes;
    }

    /// <summary>
    /// The channel whose completion callback runs on the calling thread, or null outside every
    /// callback (each channel's port knows which thread runs its callback).
    /// </summary>
    public string? CallbackChannel() =>
        Engine.Devices.SelectMany(d => d.Slots).FirstOrDefault(s => s.ClientCount != 0 && s.Port.IsInCallbackOnThisThread)?.Name;

    /// <summary>Drives the system until <paramref name="condition"/> holds; fails after 1 s of virtual time.</summary>
    public void RunUntil(Func<bool> condition, string what)
    {
        System.RunUntil(condition, Duration.FromSeconds(1));
        Assert.True(condition(), $"Timed out waiting for {what}.");
    }
}
