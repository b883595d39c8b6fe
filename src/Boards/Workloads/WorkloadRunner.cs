using System.Globalization;
using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Boards;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Boards.Workloads;

/// <summary>
/// Runs a <see cref="Workload"/> on a <see cref="SimulatedBoard"/>: takes a channel per stream
/// the way a driver would (<c>dma_request_chan</c> through the device tree, or
/// <c>dma_request_channel</c> for memcpy), configures it, keeps transfers in flight from
/// completion callbacks, advances virtual time, then stops every channel and reports bandwidth,
/// latency, underruns, errors, data mismatches and each controller's fairness.
/// </summary>
public sealed class WorkloadRunner(SimulatedBoard board)
{
    private const int ProgressSteps = 50;

    /// <summary>Virtual time given to priming transmit FIFOs before the devices' wires start.</summary>
    private static readonly Duration PrimeTime = Duration.FromMicroseconds(20);
    private ulong _nextBuffer;

    /// <summary>Runs <paramref name="workload"/>; <paramref name="progress"/> gets the fraction of virtual time done.</summary>
    /// <exception cref="DmaException">A stream's channel cannot be had (the message names the consumer and the rule).</exception>
    /// <exception cref="FormatException">The workload is not valid, or its buffers do not fit in the board's RAM.</exception>
    public WorkloadReport Run(Workload workload, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        workload.Validated();
        var ram = board.Engine.Memory.Regions[0];
        // Buffers start past the bottom of RAM (16 MiB, or a quarter of a smaller RAM), where a
        // kernel image would sit, and must end inside it.
        _nextBuffer = ram.Base + (Math.Min(16UL << 20, ram.Size / 4) & ~4095UL);
        var streams = workload.Streams.Select(Open).ToList();
        var clock = board.World.Clock;
        // Streams start in the workload's order: each start settles (at the same instant) before
        // the next, so channels ask for the hardware in that order, not in whatever order the
        // scheduler picks among simultaneous submits (which decides fixed-priority studies).
        foreach (var stream in streams)
        {
            stream.Start();
            board.System.RunUntilIdle();
        }
        // Drivers prime their transmit FIFOs before the wires start, as ALSA does before a
        // trigger; the bursts that fill them need bus time, which competing streams share.
        board.System.Advance(PrimeTime);
        foreach (var peripheral in streams.Select(s => s.Peripheral).OfType<BoardPeripheral>().Distinct())
        {
            peripheral.Device?.Tell(new StartDevice());
        }
        long start = clock.NowNanoseconds;
        foreach (var stream in streams) stream.MarkWindowStart();
        var busyAtStart = board.Controllers.ToDictionary(c => c, BusyNanoseconds);
        var total = Duration.FromMilliseconds(workload.RunMilliseconds);
        // Bandwidth over time: the bytes each stream completed in each step of the run. Reading
        // the counters between steps sends nothing, so the schedule is the same as without them;
        // memory is one number per stream and step, however long the run.
        var buckets = streams.Select(_ => new long[ProgressSteps]).ToArray();
        var counted = streams.Select(s => s.BytesBeforeWindow).ToArray();
        for (int step = 1; step <= ProgressSteps; step++)
        {
            board.System.Advance(Duration.FromNanoseconds(total.Nanoseconds * step / ProgressSteps - (clock.NowNanoseconds - start)));
            for (int i = 0; i < streams.Count; i++)
            {
                long bytes = streams[i].Bytes;
                buckets[i][step - 1] = bytes - counted[i];
                counted[i] = bytes;
            }
            progress?.Invoke(step / (double)ProgressSteps);
        }
        long elapsed = clock.NowNanoseconds - start;
        foreach (var stream in streams) stream.Stop();
        foreach (var stream in streams)
        {
            stream.Chan.TerminateSync();
            board.Engine.ReleaseChannel(stream.Chan);
        }
        var busy = board.Controllers.ToDictionary(c => c, c => BusyNanoseconds(c) - busyAtStart[c]);
        return Report(streams, elapsed, busy, buckets) with { BucketNanoseconds = total.Nanoseconds / ProgressSteps };
    }

    /// <summary>Virtual time the controller's bus has been busy (its arbiter counts each burst whole when granted, so a window is exact within one burst).</summary>
    private static long BusyNanoseconds(BoardController controller) =>
        controller.Device.Arbiter.AskBlocking<ArbiterStatsReply>(GetArbiterStats.Instance).BusyNanoseconds;

    private RunningStream Open(WorkloadStream spec)
    {
        var memory = board.Engine.Memory;
        ulong buffer = Allocate(spec, (long)spec.Bytes * (spec.QueueDepth + 1));
        if (spec.Kind == StreamKind.Memcpy)
        {
            string? controllerName = spec.Controller is null ? null : MemcpyController(spec);
            var chan = board.Engine.RequestChannel(DmaCapMask.Memcpy, (c, _) => controllerName is null || c.Device.Dev == controllerName, null)
                ?? throw new DmaException("ENODEV", "C-7", $"stream {spec.Label}: no free memcpy channel{(spec.Controller is null ? " on any controller" : $" on {spec.Controller}")} (each memcpy stream takes one; {string.Join(", ", board.Controllers.Where(c => (c.Device.CapMask & DmaCapMask.Memcpy) != 0).Select(c => c.Device.Dev).DefaultIfEmpty("no controller"))} can do memcpy).");
            var controller = board.Controllers.First(c => c.Device == chan.Device);
            return new RunningStream(spec, chan, controller, null, buffer, memory, () => board.World.Clock.NowNanoseconds);
        }
        var peripheral = PeripheralFor(spec);
        var slave = board.Engine.RequestChan(peripheral.DevName, peripheral.ChannelName);
        if (peripheral.Device is null)
            throw new DmaException("ENODEV", "O-3", $"stream {spec.Label}: {slave.Name} was given for {peripheral.DevName} \"{peripheral.ChannelName}\" but no peripheral is wired to its request line.");
        var width = (DmaSlaveBuswidth)peripheral.Profile.BeatBytes;
        // The peripheral's watermark in words, capped at what the controller takes, as drivers
        // read dma_get_slave_caps() (an i.MX eCSPI's 32-word watermark on a PL330 bursts 16).
        int caps = slave.GetSlaveCaps().MaxBurst;
        int burst = Math.Max(1, peripheral.Profile.Watermark / peripheral.Profile.BeatBytes);
        if (caps > 0) burst = Math.Min(burst, caps);
        slave.SlaveConfig(peripheral.Direction == DmaTransferDirection.MemToDev
            ? new DmaSlaveConfig { DstAddr = peripheral.FifoAddress ?? 0, DstAddrWidth = width, DstMaxburst = burst }
            : new DmaSlaveConfig { SrcAddr = peripheral.FifoAddress ?? 0, SrcAddrWidth = width, SrcMaxburst = burst });
        var owner = board.Controllers.First(c => c.Device == slave.Device);
        return new RunningStream(spec, slave, owner, peripheral, buffer, memory, () => board.World.Clock.NowNanoseconds);
    }

    /// <summary>The stream's peripheral; a name that matches nothing, or a channel left out, says so (with the near names, or the reason).</summary>
    private BoardPeripheral PeripheralFor(WorkloadStream spec)
    {
        var channels = board.Channels.Where(c => c.DevName == spec.Consumer || c.Node.Path == spec.Consumer || c.Node.Labels.Contains(spec.Consumer!)).ToList();
        if (channels.Count == 0)
            throw new DmaException("ENODEV", "O-3", $"stream {spec.Label}: no consumer of this board is called {spec.Consumer}{NearNames.Describe(spec.Consumer!, board.Channels.Select(c => c.DevName))}.");
        var channel = channels.FirstOrDefault(c => c.Name == spec.Channel)
            ?? throw new DmaException("ENODEV", "O-3", $"stream {spec.Label}: {channels[0].DevName} has no dma-names entry \"{spec.Channel}\" (it has: {string.Join(", ", channels.Select(c => '"' + c.Name + '"'))}).");
        return board.Peripherals.FirstOrDefault(p => p.Node == channel.Node && p.ChannelName == channel.Name)
            ?? throw new DmaException(channel.State == BoardChannelState.Deferred ? "EPROBE_DEFER" : "ENODEV", channel.State == BoardChannelState.Invalid ? "O-2" : "O-3",
                $"stream {spec.Label}: {channel.DevName} \"{channel.Name}\" is {channel.State.ToString().ToLowerInvariant()}: {channel.Reason}.");
    }

    /// <summary>A memcpy stream's controller (by device name, path or label) must be one of the board's, registered and memcpy-capable; else say which it is not. Returns its device name.</summary>
    private string MemcpyController(WorkloadStream spec)
    {
        string name = spec.Controller!;
        var provider = board.Providers.FirstOrDefault(p => p.DevName == name || p.Node.Path == name || p.Node.Labels.Contains(name))
            ?? throw new DmaException("ENODEV", "C-7", $"stream {spec.Label}: no DMA controller of this board is called {name}{NearNames.Describe(name, board.Providers.Select(p => p.DevName))}.");
        if (provider.State != BoardProviderState.Registered)
            throw new DmaException("ENODEV", "C-7", $"stream {spec.Label}: {provider.DevName} is {provider.State switch { BoardProviderState.NotModelled => "not modelled", BoardProviderState.Router => "a DMA router, not a controller", _ => provider.State.ToString().ToLowerInvariant() }}: {provider.Reason ?? "it cannot copy memory"}.");
        var device = board.Controllers.First(c => c.Node == provider.Node).Device;
        if ((device.CapMask & DmaCapMask.Memcpy) == 0)
            throw new DmaException("ENODEV", "C-7", $"stream {spec.Label}: {provider.DevName} has no DMA_MEMCPY{(provider.Compatible == "ti,edma3-tpcc" ? " (EDMA serves memcpy only on the channels ti,edma-memcpy-channels lists, and this node lists none: \"memcpy is disabled\")" : "")}.");
        return provider.DevName;
    }

    /// <exception cref="FormatException">The buffers do not fit in what is left of RAM: the workload is too big for the board, refused before anything runs.</exception>
    private ulong Allocate(WorkloadStream spec, long bytes)
    {
        ulong at = _nextBuffer;
        var ram = board.Engine.Memory.Regions[0];
        if (!ram.Contains(at, bytes))
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"workload: stream {spec.Label}: its buffers (bytes × (queueDepth + 1) = {bytes} bytes) do not fit in the board's RAM ({ram.Size} bytes at 0x{ram.Base:x}, free from 0x{at:x})."));
        }
        _nextBuffer = (at + (ulong)bytes + 4095) & ~4095UL;
        return at;
    }

    private static WorkloadReport Report(List<RunningStream> streams, long elapsed, Dictionary<BoardController, long> busy, long[][] buckets)
    {
        double seconds = elapsed / 1e9;
        var reports = streams.Select((s, i) => StreamReportOf(s, seconds) with { BytesPerBucket = buckets[i] }).ToList();
        var controllers = streams.GroupBy(s => s.Controller).Select(group =>
        {
            var shares = group.Select(s => reports[streams.IndexOf(s)]).Select(r => r.DemandBytesPerSecond > 0 ? Math.Min(1, r.BytesPerSecond / r.DemandBytesPerSecond) : 0).ToList();
            return new ControllerReport(group.Key.Device.Dev, group.Count(), WorkloadReport.Jain(shares), elapsed > 0 ? Math.Min(1, (double)busy[group.Key] / elapsed) : 0);
        }).ToList();
        return new WorkloadReport(elapsed, reports, controllers);
    }

    private static StreamReport StreamReportOf(RunningStream stream, double seconds)
    {
        double Percentile(double fraction) => stream.LatencyNanoseconds(fraction) / 1000.0;
        var device = stream.Peripheral?.Device?.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);
        double demand = stream.Peripheral is { } p
            ? (double)p.Profile.BitsPerSecond / p.Profile.BitsPerFrame * p.Profile.FrameBytes
            : stream.Controller.Device.Description.Bus.PeakBytesPerSecond;
        return new StreamReport(
            stream.Spec.Label, stream.Chan.Name, stream.Controller.Device.Dev, stream.Spec.Kind, stream.Bytes, stream.Transfers,
            seconds > 0 ? (stream.Bytes - stream.BytesBeforeWindow) / seconds : 0, demand,
            Percentile(0.50), Percentile(0.99), Percentile(1),
            device?.Underruns ?? 0, device?.Overruns ?? 0, stream.Errors,
            // Bytes the device lost to overruns shift the stream: data checks after them mean nothing.
            device is { BytesLost: > 0 } ? -1 : stream.Mismatches + (device?.Mismatches ?? 0));
    }
}
