using System.Text;
using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Api.OfDma;
using DmaActors.Api.Provider;
using DmaActors.DeviceTree;
using DmaActors.Runtime;

namespace DmaActors.Boards;

/// <summary>
/// The board's simulated peripherals and their wires to request lines. A peripheral whose line
/// the device tree gives is wired at load; one whose line is chosen by a request (behind a
/// crossbar, or a name with several <c>dmas</c> entries) is wired when the lookup says which
/// controller and line the channel got, and rewired if a later request gives another.
/// </summary>
/// <remarks>
/// Lookup events arrive on whatever thread requests or releases a channel; the peripheral list
/// is fixed at load and each peripheral's wire changes under <see cref="_gate"/>. Actors are
/// made outside the lock (an actor system call must not run under it: on the deterministic
/// dispatcher it may drive the world).
/// </remarks>
internal sealed class BoardWiring(ActorSystem system, IReadOnlyList<BoardController> controllers)
{
    private readonly Lock _gate = new();
    private readonly List<BoardPeripheral> _peripherals = [];
    private readonly Dictionary<BoardPeripheral, int> _wirings = [];

    public IReadOnlyList<BoardPeripheral> Peripherals => _peripherals;

    public BoardPeripheral Add(DtNode node, string devName, string name, DeviceProfile profile, DataPattern pattern)
    {
        var peripheral = new BoardPeripheral(node, devName, name, PeripheralProfiles.DirectionOf(name), profile, pattern) { FifoAddress = PeripheralFifos.AddressOf(node, name) };
        _peripherals.Add(peripheral);
        return peripheral;
    }

    /// <summary>Makes the peripheral's actor on <paramref name="line"/> of the controller at <paramref name="controllerNode"/> and connects it there.</summary>
    public void Wire(BoardPeripheral peripheral, DtNode controllerNode, int line, DtNode? routedVia, string actorName)
    {
        var controller = controllers.First(c => c.Node == controllerNode);
        var actor = system.Simulation().ActorOf(SlaveDeviceActor.PropsFor(peripheral.Profile, line, controller.Device.Arbiter, peripheral.Pattern), ActorName(actorName));
        controller.Device.ConnectPeripheral(line, actor, new SlaveFifo(peripheral.FifoAddress, peripheral.Profile.Watermark));
        IActorRef? previous;
        lock (_gate)
        {
            previous = peripheral.Device;
            peripheral.Device = actor;
            peripheral.Line = line;
            peripheral.Controller = controller;
            peripheral.RoutedVia = routedVia;
        }
        // The old wire (another line, or another controller) goes quiet.
        previous?.Tell(new StopDevice());
    }

    /// <summary>A channel was taken: wire its consumer's peripheral to the line it got, unless it is there already.</summary>
    public void OnChannelTaken(OfDmaRequest request)
    {
        if (request.Chan.RequestLine is not { } line) return;
        BoardPeripheral? peripheral;
        lock (_gate)
        {
            peripheral = _peripherals.Find(p => p.Node == request.Consumer && p.ChannelName == request.Name);
            if (peripheral is null || (peripheral.Device is not null && peripheral.Line == line && peripheral.Controller?.Node == request.Controller)) return;
        }
        // The actor is named after the line it raises requests on, so every trace record of it
        // (device start, flushes, the waveform's DRQ) shows the routed line: 481a6000.serial-rx-drq12.
        int wiring;
        lock (_gate) wiring = _wirings[peripheral] = _wirings.GetValueOrDefault(peripheral) + 1;
        string name = $"{peripheral.DevName}-{peripheral.ChannelName}-drq{line}";
        Wire(peripheral, request.Controller, line, request.Router?.Node, wiring == 1 ? name : $"{name}-{wiring}");
    }

    /// <summary>A channel taken through a router was released: its line may go to another consumer, so its peripheral stops raising requests there.</summary>
    public void OnChannelReleased(OfDmaRequest request)
    {
        if (request.Router is null) return;
        lock (_gate)
        {
            var peripheral = _peripherals.Find(p => p.Node == request.Consumer && p.ChannelName == request.Name);
            peripheral?.Device?.Tell(new StopDevice());
        }
    }

    /// <summary>An actor name from a device name: Akka takes letters, digits and <c>-_.*$+:@&amp;=,!~';</c>; anything else becomes '_'.</summary>
    private static string ActorName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name) builder.Append(char.IsAsciiLetterOrDigit(c) || "-_.*$+:@&=,!~';".Contains(c, StringComparison.Ordinal) ? c : '_');
        return builder.ToString();
    }
}
