using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Api.Provider;
using DmaActors.Runtime;

namespace DmaActors.Api;

/// <summary>
/// A simulated peripheral (UART, SPI, MMC, I2S) on one request line of a registered controller:
/// its FIFO raises DMA requests as its wire fills or drains it. A consumer driver's test feeds
/// the wire (what the remote end sends), reads it (what the device sent), and reads the counters,
/// without touching the actor behind it. No kernel twin: this is the board, not the driver.
/// </summary>
/// <remarks>
/// The peripheral runs on the simulated world's time like the controller. Calls that wait for it
/// (<see cref="Counters"/>, <see cref="ReadWire"/>) drive the world from process context and throw
/// EDEADLK from inside it (a completion callback); <see cref="Feed"/>, <see cref="Start"/> and
/// <see cref="Stop"/> only post, and are legal anywhere.
/// </remarks>
public sealed class DmaPeripheral
{
    private static long s_attached;

    private readonly IActorRef _device;
    private readonly WireLog _wire = new();
    private readonly DmaDevice _controller;

    private DmaPeripheral(DmaDevice controller, int line, DeviceProfile profile)
    {
        _controller = controller;
        Line = line;
        Profile = profile;
        string name = $"{profile.Name}-{controller.Dev}-drq{line}-{Interlocked.Increment(ref s_attached)}";
        _device = controller.Engine.World.ActorOf(SlaveDeviceActor.PropsFor(profile, line, controller.Arbiter, new DataPattern(0), null, _wire), ActorName(name));
    }

    /// <summary>
    /// Wires a new simulated peripheral to request line <paramref name="line"/> of
    /// <paramref name="controller"/> (the line a <c>dmas</c> cell or a <c>dma_slave_map</c> row names).
    /// A MEM_TO_DEV device asks for data at once, so attach it before issuing its channel's work.
    /// </summary>
    /// <param name="controller">A registered controller.</param>
    /// <param name="line">Its request line.</param>
    /// <param name="model">Which peripheral.</param>
    /// <param name="direction">MEM_TO_DEV (it transmits what the DMA gives it) or DEV_TO_MEM (it receives what <see cref="Feed"/> sends).</param>
    /// <param name="fifoAddress">The bus address of its data (FIFO) register, which slave descriptors on the line must name in <c>src_addr</c>/<c>dst_addr</c> (DA-1, DA-2); null: not checked.</param>
    /// <returns>The peripheral.</returns>
    /// <exception cref="DmaException">EINVAL: no such line (P-1), or a direction other than MEM_TO_DEV / DEV_TO_MEM (C-21); ENODEV: the controller is unregistered (P-9).</exception>
    public static DmaPeripheral Attach(DmaDevice controller, int line, DmaPeripheralModel model, DmaTransferDirection direction, ulong? fifoAddress = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (controller.Unregistered)
            throw new DmaException("ENODEV", "P-9", $"{controller.Dev} is unregistered: no peripheral can be attached to its request lines.");
        if (direction is not (DmaTransferDirection.MemToDev or DmaTransferDirection.DevToMem))
            throw new DmaException("EINVAL", "C-21", $"A peripheral on {controller.Dev} line {line} moves data MEM_TO_DEV or DEV_TO_MEM, not {direction}.");
        controller.EnsureRequestLine(line);
        var peripheral = new DmaPeripheral(controller, line, ProfileOf(model, direction));
        controller.ConnectPeripheral(line, peripheral._device, fifoAddress is { } address ? new SlaveFifo(address, peripheral.Watermark) : null);
        return peripheral;
    }

    /// <summary>Its request line.</summary>
    public int Line { get; }

    /// <summary>MEM_TO_DEV (transmits) or DEV_TO_MEM (receives).</summary>
    public DmaTransferDirection Direction => Profile.Direction;

    /// <summary>The model's name with its rate and direction (<c>uart-115200-rx</c>).</summary>
    public string Name => Profile.Name;

    /// <summary>FIFO bytes.</summary>
    public int FifoDepth => Profile.FifoDepth;

    /// <summary>
    /// Bytes the FIFO asks for (or offers) per burst request: a driver sets
    /// <c>maxburst × addr_width</c> to it (<c>dma_slave_config</c>), <c>maxburst = Watermark / RegisterWidth</c>.
    /// </summary>
    public int Watermark => Profile.Watermark;

    /// <summary>The data register's width in bytes: what <c>src_addr_width</c>/<c>dst_addr_width</c> should be.</summary>
    public DmaSlaveBuswidth RegisterWidth => (DmaSlaveBuswidth)Profile.BeatBytes;

    private DeviceProfile Profile { get; }

    /// <summary>
    /// DEV_TO_MEM: the remote end sends <paramref name="bytes"/> next, at the wire's rate from now
    /// (after what it is still sending); the wire starts if it was silent.
    /// </summary>
    /// <param name="bytes">Whole frames of the model (a multiple of its frame size).</param>
    /// <exception cref="InvalidOperationException">The peripheral transmits (MEM_TO_DEV): its wire carries what the DMA delivers.</exception>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not a whole number of frames.</exception>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        if (!Profile.Receives)
            throw new InvalidOperationException($"{Name} on {_controller.Dev} line {Line} transmits (MEM_TO_DEV): nothing can be fed to its wire; read what it sent with ReadWire().");
        if (bytes.Length % Profile.FrameBytes != 0)
            throw new ArgumentException($"{Name} sends frames of {Profile.FrameBytes} bytes; {bytes.Length} bytes is not a whole number of them.", nameof(bytes));
        _wire.Append(bytes);
        _device.Tell(new SendOnWire(bytes.Length));
    }

    /// <summary>MEM_TO_DEV: starts the wire (the device begins clocking out what its FIFO holds, e.g. an SPI controller's channel enable). Ignored while running.</summary>
    /// <exception cref="InvalidOperationException">The peripheral receives: it starts when bytes are fed.</exception>
    public void Start()
    {
        if (Profile.Receives)
            throw new InvalidOperationException($"{Name} on {_controller.Dev} line {Line} receives (DEV_TO_MEM): its wire starts when the remote sends, with Feed(bytes).");
        _device.Tell(new StartDevice());
    }

    /// <summary>Stops the wire now; the FIFO keeps its bytes and requests go on.</summary>
    public void Stop() => _device.Tell(StopDevice.Instance);

    /// <summary>The counters, exact at the system's current time.</summary>
    /// <exception cref="DmaException">EDEADLK: called from inside the simulated world (a completion callback), where nothing may wait.</exception>
    public DmaPeripheralCounters Counters
    {
        get
        {
            var s = Ask("Counters");
            return new DmaPeripheralCounters(s.WireBytes, s.DmaBytes, s.Overruns, s.BytesLost, s.Underruns, s.Requests, s.BurstRequests, s.SingleRequests, s.LastRequests, s.Flushes, s.FifoLevel, s.Running);
        }
    }

    /// <summary>Every byte of its wire so far, in order: what a MEM_TO_DEV device sent, or what was fed to a DEV_TO_MEM one.</summary>
    /// <exception cref="DmaException">EDEADLK: called from inside the simulated world.</exception>
    public byte[] ReadWire()
    {
        // The device brings its wire up to now before it answers.
        Ask("ReadWire()");
        return _wire.ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}@{_controller.Dev}:drq{Line}";

    private DeviceStatsReply Ask(string call)
    {
        if (SimulatedWorld.IsInsideTheWorld)
            throw new DmaException("EDEADLK", "C-35", $"{this}: {call} waits for the simulated peripheral, which cannot happen inside the simulated world (a completion callback). Read it from process context.");
        return _controller.Engine.World.AskBlocking<DeviceStatsReply>(_device, GetDeviceStats.Instance);
    }

    private static DeviceProfile ProfileOf(DmaPeripheralModel model, DmaTransferDirection direction) => model switch
    {
        DmaPeripheralModel.Uart115200 => DeviceProfile.Uart115200(direction),
        DmaPeripheralModel.Uart3M => DeviceProfile.Uart3M(direction),
        DmaPeripheralModel.Spi => DeviceProfile.Spi(direction),
        DmaPeripheralModel.Mmc => DeviceProfile.Mmc(direction),
        DmaPeripheralModel.I2s => DeviceProfile.I2s(direction),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Not a peripheral model."),
    };

    private static string ActorName(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}
