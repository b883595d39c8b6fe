using Akka.Actor;
using DmaActors.Actors.Bus;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;

namespace DmaActors.Actors.Tests.Devices;

/// <summary>A controller with one slave device wired to it, and the client calls the tests make.</summary>
internal sealed class DeviceRig
{
    public const ulong RamBase = 0x8000_0000;

    public DeviceRig(ActorSystem system, DeviceProfile profile, DataPattern pattern, int line, BusTiming? bus = null, ulong ramBytes = 16 << 20, IActorRef? listener = null, Func<ControllerConfig, ControllerConfig>? configure = null)
    {
        System = system;
        Memory = PhysicalMemory.Create(RamBase, ramBytes);
        var config = new ControllerConfig { Memory = Memory };
        if (bus is not null) config = config with { Bus = bus };
        Controller = DmaController.Start(system, configure?.Invoke(config) ?? config);
        Line = line;
        Pattern = pattern;
        Device = system.Simulation().ActorOf(SlaveDeviceActor.PropsFor(profile, line, Controller.Arbiter, pattern, listener), profile.Name);
        Controller.ConnectDevice(line, Device);
    }

    public ActorSystem System { get; }

    public PhysicalMemory Memory { get; }

    public DmaController Controller { get; }

    public IActorRef Device { get; }

    public int Line { get; }

    public DataPattern Pattern { get; }

    /// <summary>Prepares, submits and issues <paramref name="spec"/> on virtual channel <paramref name="channel"/>; returns the cookie.</summary>
    public int Issue(int channel, TransferSpec spec, Action<DmaengineResult>? callback = null, DmaCtrlFlags? flags = null)
    {
        int cookie = Submit(channel, spec, callback, flags);
        Assert.IsType<IssueSubmittedReply>(Controller.Open(channel).Ask(IssueSubmitted.Instance));
        return cookie;
    }

    /// <summary>Prepares and submits without issuing; returns the cookie. Asks for an interrupt when there is a callback, unless <paramref name="flags"/> say otherwise.</summary>
    public int Submit(int channel, TransferSpec spec, Action<DmaengineResult>? callback = null, DmaCtrlFlags? flags = null)
    {
        var port = Controller.Open(channel);
        var chosen = flags ?? (callback is null ? DmaCtrlFlags.None : DmaCtrlFlags.PrepInterrupt);
        return port.Submit(spec, new DescriptorOptions(chosen, callback));
    }

    public TxStatusReply Status(int channel, int cookie) => Assert.IsType<TxStatusReply>(Controller.Open(channel).Ask(new GetTxStatus(cookie)));

    public DeviceStatsReply Stats() => Device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);

    public byte[] Read(ulong address, long length)
    {
        var bytes = new byte[length];
        Memory.Read(address, bytes);
        return bytes;
    }
}
