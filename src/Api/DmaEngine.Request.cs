using DmaActors.Api.Provider;
using DmaActors.Runtime;

namespace DmaActors.Api;

// Channel acquisition and release (contract 1.1). Every allocation here is private and exclusive
// (C-6): a slot has at most one client. Filters run under the engine's lock, as the kernel runs
// them under dma_list_mutex; a filter must not call back into the engine's request functions
// from another thread (the same thread may: the lock is re-entrant).
public sealed partial class DmaEngine
{
    /// <summary>Why this thread's last request passed over a channel it could not allocate (for error messages), or null.</summary>
    [ThreadStatic]
    private static string? t_allocationFailure;


    /// <summary>
    /// Takes the first free channel, devices in registration order and channels in list order,
    /// of a device whose capabilities include <paramref name="mask"/> and for which
    /// <paramref name="fn"/> (if given) returns true (C-7).
    /// </summary>
    /// <param name="mask">Capabilities required.</param>
    /// <param name="fn">Filter, or null for any channel.</param>
    /// <param name="fnParam">Passed to the filter.</param>
    /// <returns>The channel, or null when none qualifies (never an error, C-7, H-15).</returns>
    /// <remarks>Kernel: <c>dma_request_channel()</c>.</remarks>
    public DmaChan? RequestChannel(DmaCapMask mask, DmaFilterFn? fn, object? fnParam)
    {
        t_allocationFailure = null;
        DmaDevice[] devices;
        lock (_gate) devices = [.. _devices];
        foreach (var device in devices)
        {
            DmaChan? chan;
            lock (_gate) chan = FindCandidate(device, mask, fn, fnParam);
            // A device whose channel cannot be allocated is passed over, as __dma_request_channel
            // passes over a find_candidate that failed (C-10, V-20).
            if (chan is not null && Allocated(chan)) return chan;
        }
        return null;
    }

    /// <summary>
    /// device_alloc_chan_resources (C-10): the channel's simulated actors exist from here, and a
    /// dedicated controller binds a hardware thread (an ask, so outside the engine's lock). When it
    /// fails (pl330: no free thread, ENOMEM; V-20) the channel is given back and false returned.
    /// </summary>
    private bool Allocated(DmaChan chan)
    {
        try
        {
            chan.Slot.Open();
            return true;
        }
        catch (Actors.Controller.ChannelAllocationException failed)
        {
            lock (_gate) Unclaim(chan);
            t_allocationFailure = $"{failed.Errno}: {failed.Message}";
            return false;
        }
    }

    /// <summary>", and why a channel could not be allocated" when the last request passed one over, else empty.</summary>
    internal static string AllocationNote() => t_allocationFailure is { } why ? $" (a channel was found but could not be allocated: {why})" : "";

    /// <summary>Undoes <see cref="FindCandidate"/>'s claim; needs <see cref="_gate"/>.</summary>
    private static void Unclaim(DmaChan chan)
    {
        chan.Deactivate();
        chan.Slot.ClientCount = 0;
        chan.Slot.Device.PrivateCount = Math.Max(0, chan.Slot.Device.PrivateCount - 1);
    }

    /// <summary>
    /// Takes the channel named <paramref name="name"/> of consumer <paramref name="devName"/>: the
    /// firmware lookup first (C-1, C-2), then the providers' slave maps (C-3); never null (C-4).
    /// </summary>
    /// <param name="devName">The consumer device's name.</param>
    /// <param name="name">The channel name (<c>"rx"</c>, <c>"tx"</c>).</param>
    /// <returns>The channel, named <c>"dma:&lt;name&gt;"</c> for its client (C-5).</returns>
    /// <exception cref="DmaException">EPROBE_DEFER: nothing matched (C-4); or the firmware lookup's error.</exception>
    /// <remarks>Kernel: <c>dma_request_chan()</c>.</remarks>
    public DmaChan RequestChan(string devName, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(devName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        DmaException? firmwareError = null;
        DmaChan? chan = null;
        if (ChannelLookup is { } lookup)
        {
            try
            {
                chan = lookup.RequestSlaveChannel(this, devName, name);
            }
            catch (DmaException error) when (error.Errno != "EPROBE_DEFER")
            {
                firmwareError = error;
            }
        }
        chan ??= RequestFromSlaveMaps(devName, name);
        if (chan is null)
        {
            throw firmwareError ?? new DmaException("EPROBE_DEFER", "C-4", $"dma_request_chan({devName}, \"{name}\"): no firmware entry and no dma_slave_map row names this consumer and channel (yet). " +
                "Defer the probe until the provider registers, or add a map row {devname, slave, param} to the provider.");
        }
        chan.ConsumerName = $"dma:{name}";
        chan.SlaveDevice = devName;
        return chan;
    }

    /// <summary>Takes any channel whose device has <paramref name="mask"/> (C-11).</summary>
    /// <param name="mask">Capabilities required.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="DmaException">ENODEV: empty mask or no qualifying channel; EPROBE_DEFER: no device registered at all.</exception>
    /// <remarks>Kernel: <c>dma_request_chan_by_mask()</c>.</remarks>
    public DmaChan RequestChanByMask(DmaCapMask mask)
    {
        if (mask == DmaCapMask.None)
            throw new DmaException("ENODEV", "C-11", "dma_request_chan_by_mask(NULL): pass the capabilities wanted (e.g. DMA_MEMCPY).");
        if (RequestChannel(mask, null, null) is { } chan) return chan;
        bool none;
        lock (_gate) none = _devices.Count == 0;
        throw none
            ? new DmaException("EPROBE_DEFER", "C-11", $"dma_request_chan_by_mask({mask}): no DMA device is registered yet; defer the probe.")
            : new DmaException("ENODEV", "C-11", $"dma_request_chan_by_mask({mask}): no free channel of a device with these capabilities{AllocationNote()}.");
    }

    /// <summary>
    /// Gives the channel back (C-13): synchronizes (so no callback runs afterwards), frees the
    /// channel's descriptors, and ends the handle: any later call on it throws ENODEV.
    /// </summary>
    /// <param name="chan">The channel.</param>
    /// <exception cref="DmaException">EINVAL: already released; EDEADLK: called from a callback of this channel (it synchronizes, C-37).</exception>
    /// <remarks>Kernel: <c>dma_release_channel()</c>.</remarks>
    public void ReleaseChannel(DmaChan chan)
    {
        ArgumentNullException.ThrowIfNull(chan);
        const string call = "dma_release_channel()";
        if (!chan.IsActive)
            throw new DmaException("EINVAL", "C-13", $"{call} of {chan.Name}, which this client does not hold (chan reference count 0 != 1). Release each channel once.");
        chan.EnsureNotInOwnCallback(call);
        var slot = chan.Slot;
        if (!slot.Device.Unregistered)
        {
            // dmaengine_synchronize, then device_free_chan_resources: the model has no "free
            // resources" command, so terminate + synchronize drops every list, and reusable
            // descriptors (which survive terminate, V-13) are freed one by one.
            slot.Terminated();
            chan.TerminateAndWait(call, "C-13");
            chan.Ask<Actors.Channels.SynchronizeChannelReply>(Actors.Channels.SynchronizeChannel.Instance, "C-13", call);
            foreach (long id in slot.TakeReusables()) slot.Port.Post(new Actors.Channels.FreeDescriptor(id));
        }
        var releaseAction = chan.TakeReleaseAction();
        // device_free_chan_resources: a dedicated controller's hardware thread is free again (V-20).
        if (!slot.Device.Unregistered) slot.Close();
        lock (_gate) Unclaim(chan);
        // A route through a DMA router (crossbar) is freed with the channel (O-8), and whoever
        // took the channel through the device tree hears of it, once the channel is free.
        releaseAction?.Invoke();
    }

    /// <summary>find_candidate / private_candidate on one device; needs <see cref="_gate"/>.</summary>
    private static DmaChan? FindCandidate(DmaDevice device, DmaCapMask mask, DmaFilterFn? fn, object? fnParam)
    {
        if (device.Unregistered || (mask & ~device.CapMask) != 0) return null;
        // Memcpy requests take only the device's memcpy channels, when it reserves some (EDMA).
        var memcpyOnly = (mask & DmaCapMask.Memcpy) != 0 ? device.Description.MemcpyChannels : null;
        foreach (var slot in device.Slots)
        {
            if (slot.ClientCount != 0) continue;
            if (memcpyOnly is not null && !memcpyOnly.Contains(slot.ChanId)) continue;
            var candidate = new DmaChan(slot);
            if (fn is not null && !fn(candidate, fnParam)) continue;
            slot.ClientCount = 1;
            device.PrivateCount++;
            candidate.Activate();
            return candidate;
        }
        return null;
    }

    /// <summary>C-3: each device (registration order) whose filter map names this consumer and channel gets one try with mask {DMA_SLAVE}.</summary>
    private DmaChan? RequestFromSlaveMaps(string devName, string name)
    {
        DmaDevice[] devices;
        lock (_gate) devices = [.. _devices];
        foreach (var device in devices)
        {
            var map = device.Description.FilterMap.FirstOrDefault(m => m.Devname == devName && m.Slave == name);
            if (map is null) continue;
            DmaChan? chan;
            lock (_gate) chan = FindCandidate(device, DmaCapMask.Slave, device.Description.FilterFn, map.Param);
            if (chan is null || !Allocated(chan)) continue;
            if (map.Param is int line) chan.RequestLine = line;
            return chan;
        }
        return null;
    }
}
