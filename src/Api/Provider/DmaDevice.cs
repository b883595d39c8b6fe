using Akka.Actor;
using DmaActors.Actors.Controller;

namespace DmaActors.Api.Provider;

/// <summary>A registered DMA controller: its id, its description and its channels, with the simulated controller behind them.</summary>
/// <remarks>Kernel: <c>struct dma_device</c> after <c>dma_async_device_register()</c> (P-8).</remarks>
public sealed class DmaDevice
{
    internal DmaDevice(int devId, DmaDeviceDescription description, DmaController controller, DmaEngine engine)
    {
        DevId = devId;
        Description = description;
        Controller = controller;
        Engine = engine;
        Slots = [.. Enumerable.Range(0, description.ChannelCount).Select(i => new DmaChanSlot(this, i, controller.ChannelName(i)))];
    }

    /// <summary>Kernel: <c>dev_id</c>, from a global IDA (the lowest free id).</summary>
    public int DevId { get; }

    /// <summary>What the driver registered.</summary>
    public DmaDeviceDescription Description { get; }

    /// <summary>Kernel: <c>cap_mask</c> as registered.</summary>
    public DmaCapMask CapMask => Description.CapMask;

    /// <summary>Kernel: <c>dev_name(device-&gt;dev)</c>.</summary>
    public string Dev => Description.Dev!;

    /// <summary>Kernel: the channel names, <c>dma&lt;dev_id&gt;chan&lt;chan_id&gt;</c> in list order (P-8).</summary>
    public IReadOnlyList<string> ChannelNames => [.. Slots.Select(s => s.Name)];

    /// <summary>Kernel: <c>privatecnt</c>: channels privately allocated (C-9).</summary>
    public int PrivateCount { get; internal set; }

    /// <summary>Whether <see cref="DmaEngine.DmaAsyncDeviceUnregister"/> has run.</summary>
    public bool Unregistered { get; internal set; }

    /// <summary>The controller's arbiter: simulated peripherals raise their DRQs here (board wiring, no kernel twin).</summary>
    public IActorRef Arbiter => Controller.Arbiter;

    /// <summary>
    /// Wires a simulated peripheral's actor to request line <paramref name="line"/> (board wiring:
    /// the <c>dmas</c> cell a device tree would name). A driver's test uses <see cref="DmaPeripheral.Attach"/>,
    /// which needs no actor.
    /// </summary>
    /// <param name="line">The DRQ line.</param>
    /// <param name="peripheral">The peripheral's actor.</param>
    /// <param name="fifo">Its FIFO register address and watermark, which slave descriptors on the line are checked against (DA-1…DA-3); null: not checked.</param>
    /// <exception cref="DmaException">EINVAL: no such line.</exception>
    public void ConnectPeripheral(int line, IActorRef peripheral, SlaveFifo? fifo = null)
    {
        EnsureRequestLine(line);
        if (fifo is null) _fifos.TryRemove(line, out _);
        else _fifos[line] = fifo;
        Controller.ConnectDevice(line, peripheral, fifo?.Address);
    }

    /// <summary>Throws EINVAL (P-1) unless the controller has request line <paramref name="line"/>.</summary>
    internal void EnsureRequestLine(int line)
    {
        if (line < 0 || line >= Description.RequestLines)
            throw new DmaException("EINVAL", "P-1", $"{Dev}: request line {line} does not exist (0..{Description.RequestLines - 1}).");
    }

    /// <summary>The FIFO of the peripheral wired to <paramref name="line"/>, or null when none was given.</summary>
    public SlaveFifo? FifoOn(int line) => _fifos.TryGetValue(line, out var fifo) ? fifo : null;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, SlaveFifo> _fifos = new();

    /// <summary>The simulated controller.</summary>
    internal DmaController Controller { get; }

    /// <summary>The engine it is registered with.</summary>
    internal DmaEngine Engine { get; }

    /// <summary>The channels, in <c>chan_id</c> order.</summary>
    internal IReadOnlyList<DmaChanSlot> Slots { get; }
}
