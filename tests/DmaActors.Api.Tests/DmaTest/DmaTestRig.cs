using Akka.Actor;
using DmaActors.DmaTest;
using DmaActors.Api.Provider;

namespace DmaActors.Api.Tests.DmaTest;

/// <summary>An engine with memcpy controllers registered, and a run that keeps its log.</summary>
internal sealed class DmaTestRig(ActorSystem system)
{
    public ApiRig Api { get; } = new(system);

    public DmaEngine Engine => Api.Engine;

    public StringWriter Log { get; } = new();

    /// <summary>A memcpy-only controller (no memset: the memset pass of T-2 takes nothing from it).</summary>
    public static DmaDeviceDescription MemcpyOnly(string dev = "memcpy-only", int channels = 4) => new()
    {
        Dev = dev,
        CapMask = DmaCapMask.Memcpy,
        ChannelCount = channels,
        PhysicalChannels = channels,
    };

    public DmaDevice Register(DmaDeviceDescription description) => Engine.DmaAsyncDeviceRegister(description);

    public DmaTestResult Run(DmaTestParameters p, DmaTestHooks? hooks = null) => DmaTestRunner.Run(Engine, p, Log, hooks);
}
