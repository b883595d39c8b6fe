using Akka.Actor;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using DmaActors.Api.Provider;
using DmaActors.Runtime;

namespace DmaActors.Api;

/// <summary>
/// The dmaengine core of one simulated machine (one <see cref="ActorSystem"/> and its
/// <see cref="PhysicalMemory"/>): providers register controllers here, consumers request channels.
/// </summary>
/// <remarks>
/// Kernel: <c>drivers/dma/dmaengine.c</c> (the global device list, <c>dma_list_mutex</c>). The
/// device list and every slot's client count change under <see cref="_gate"/>; nothing blocks on
/// an ask while holding it (an ask on the deterministic dispatcher runs actors, and a callback
/// could come back here).
/// </remarks>
public sealed partial class DmaEngine
{
    /// <summary>dma_list_mutex: guards <see cref="_devices"/>, <see cref="_usedIds"/> and slot client counts.</summary>
    private readonly Lock _gate = new();

    /// <summary>dma_device_list, in registration order (C-3, C-7).</summary>
    private readonly List<DmaDevice> _devices = [];

    /// <summary>dma_ida: ids in use.</summary>
    private readonly SortedSet<int> _usedIds = [];

    /// <summary>Registrations so far: makes each controller's actor name unique when an id is reused.</summary>
    private int _registrations;

    /// <summary>Creates the engine of <paramref name="system"/> mastering <paramref name="memory"/>.</summary>
    /// <param name="system">The actor system the controllers run in.</param>
    /// <param name="memory">The memory the controllers master.</param>
    public DmaEngine(ActorSystem system, PhysicalMemory memory)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(memory);
        System = system;
        Memory = memory;
    }

    /// <summary>Creates the engine of <paramref name="system"/> over <paramref name="ramBytes"/> bytes of RAM from physical <paramref name="ramBase"/>.</summary>
    /// <param name="system">The actor system the controllers run in (a simulated world).</param>
    /// <param name="ramBase">Where RAM starts (page aligned).</param>
    /// <param name="ramBytes">How much RAM (whole pages).</param>
    public DmaEngine(ActorSystem system, ulong ramBase, ulong ramBytes)
        : this(system, PhysicalMemory.Create(ramBase, ramBytes))
    {
    }

    /// <summary>The actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The simulated world of <see cref="System"/>: its clock, and the calls that drive it.</summary>
    public SimulatedWorld World => System.Simulation();

    /// <summary>The memory the controllers master.</summary>
    public PhysicalMemory Memory { get; }

    /// <summary>Firmware lookup tried first by <see cref="RequestChan"/> (C-1); null: none.</summary>
    public IDmaChannelLookup? ChannelLookup { get; set; }

    /// <summary>Registered devices, in registration order.</summary>
    /// <remarks>Kernel: <c>dma_device_list</c>.</remarks>
    public IReadOnlyList<DmaDevice> Devices
    {
        get
        {
            lock (_gate) return [.. _devices];
        }
    }

    /// <summary>
    /// Validates and registers a controller (P-4..P-8): starts the simulated controller, assigns
    /// the lowest free <c>dev_id</c> and names the channels <c>dma&lt;dev_id&gt;chan&lt;n&gt;</c>.
    /// </summary>
    /// <param name="device">The description.</param>
    /// <returns>The registered device.</returns>
    /// <exception cref="DmaException">ENODEV: null; EIO: no dev, a capability without its prep op, no tx_status or issue_pending; EINVAL: DMA_ASYNC_TX set, or bad numbers.</exception>
    /// <remarks>Kernel: <c>dma_async_device_register()</c>.</remarks>
    public DmaDevice DmaAsyncDeviceRegister(DmaDeviceDescription? device)
    {
        DeviceValidation.Validate(device);
        int devId, registration;
        lock (_gate)
        {
            devId = 0;
            while (_usedIds.Contains(devId)) devId++;
            _usedIds.Add(devId);
            registration = ++_registrations;
        }
        DmaController controller;
        try
        {
            controller = DmaController.Start(System, new ControllerConfig
            {
                Id = devId,
                Name = $"dma{devId}-r{registration}",
                Memory = Memory,
                Bus = device!.Bus,
                PhysicalChannels = device.PhysicalChannels,
                VirtualChannels = device.ChannelCount,
                RequestLines = device.RequestLines,
                Policy = device.Policy,
                Multiplexing = device.Multiplexing,
                BusView = device.BusView,
                CoalesceBursts = device.CoalesceBursts,
                ResidueGranularity = device.ResidueGranularity,
            });
        }
        catch (ArgumentException bad)
        {
            lock (_gate) _usedIds.Remove(devId);
            throw new DmaException("EINVAL", "P-1", $"dma_async_device_register(): {device!.Dev}: the simulated controller refuses the description: {bad.Message}");
        }
        var registered = new DmaDevice(devId, device, controller, this);
        // P-8: a device registered with DMA_PRIVATE starts with privatecnt = 1.
        if ((device.CapMask & DmaCapMask.Private) != 0) registered.PrivateCount = 1;
        lock (_gate) _devices.Add(registered);
        return registered;
    }

    /// <summary>
    /// Removes a controller (P-9): its channels stop working (calls throw ENODEV), its controller
    /// actors stop, its id is freed.
    /// </summary>
    /// <param name="device">The registered device.</param>
    /// <exception cref="DmaException">EINVAL: not registered here.</exception>
    /// <remarks>Kernel: <c>dma_async_device_unregister()</c>.</remarks>
    public void DmaAsyncDeviceUnregister(DmaDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_gate)
        {
            if (device.Engine != this || !_devices.Remove(device))
                throw new DmaException("EINVAL", "P-9", $"dma_async_device_unregister(): {device.Dev} (dma{device.DevId}) is not registered with this engine.");
            device.Unregistered = true;
            _usedIds.Remove(device.DevId);
        }
        System.Stop(device.Controller.Actor);
    }
}
