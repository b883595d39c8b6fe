namespace DmaActors.Boards.Workloads;

/// <summary>
/// The load a board makes of itself when no workload is given (issue 12, Deliver 7): every
/// enabled consumer with a wired (or routed) peripheral model runs its natural stream, and every
/// controller that can copy memory runs one bulk memcpy.
/// </summary>
/// <remarks>
/// Natural streams, by peripheral kind: a UART receives (a line of 16 characters a transfer;
/// it transmits when it has no receive channel); an SPI controller runs full duplex (its first
/// tx and rx channels, 256 bytes each); an MMC host reads 512-byte blocks (writes when it has no
/// receive channel); audio plays a cyclic 4 KiB ring in 256-byte periods (64 frames of 16-bit stereo, a period every 1.3 ms at 48 kHz) (captures when it has no
/// transmit channel). A bulk memcpy copies 4 KiB with one transfer in flight. Streams are named
/// after the consumer's label (or device name) and the role: <c>spi0 tx</c>, <c>uart0 rx</c>,
/// <c>mmc1 read</c>, <c>mcasp0 playback</c>, <c>bulk memcpy</c>. On the demo board this is the demo's load.
/// </remarks>
public static class BoardWorkload
{
    /// <summary>The board's natural load, run for <paramref name="runMilliseconds"/> of virtual time.</summary>
    public static Workload From(SimulatedBoard board, double runMilliseconds = 50)
    {
        ArgumentNullException.ThrowIfNull(board);
        var streams = new List<WorkloadStream>();
        var ready = board.Channels.Where(c => c.State is BoardChannelState.Wired or BoardChannelState.WiredAtRequest).ToList();
        foreach (var consumer in ready.GroupBy(c => c.Node))
        {
            var channels = consumer.ToList();
            var first = channels[0];
            string label = first.Node.Labels.Count > 0 ? first.Node.Labels[0] : first.DevName;
            var rx = channels.FirstOrDefault(c => !IsTx(c.Name));
            var tx = channels.FirstOrDefault(c => IsTx(c.Name));
            WorkloadStream Slave(BoardConsumerChannel c, string role, int bytes) =>
                new() { Name = $"{label} {role}", Consumer = c.DevName, Channel = c.Name, Kind = StreamKind.Slave, Bytes = bytes };
            switch (PeripheralProfiles.KindOf(first.Node))
            {
                case PeripheralProfiles.Kind.Uart:
                    streams.Add(rx is not null ? Slave(rx, "rx", 16) : Slave(tx!, "tx", 16));
                    break;
                case PeripheralProfiles.Kind.Spi:
                    if (tx is not null) streams.Add(Slave(tx, "tx", 256));
                    if (rx is not null) streams.Add(Slave(rx, "rx", 256));
                    break;
                case PeripheralProfiles.Kind.Mmc:
                    streams.Add(rx is not null ? Slave(rx, "read", 512) : Slave(tx!, "write", 512));
                    break;
                case PeripheralProfiles.Kind.Audio:
                    var ring = tx ?? rx!;
                    streams.Add(new WorkloadStream { Name = $"{label} {(tx is not null ? "playback" : "capture")}", Consumer = ring.DevName, Channel = ring.Name, Kind = StreamKind.Cyclic, Bytes = 4096, PeriodBytes = 256 });
                    break;
            }
        }
        var copiers = board.Controllers.Where(c => (c.Device.CapMask & Api.DmaCapMask.Memcpy) != 0).ToList();
        foreach (var controller in copiers)
        {
            streams.Add(new WorkloadStream { Name = copiers.Count == 1 ? "bulk memcpy" : $"bulk memcpy {controller.Device.Dev}", Controller = controller.Device.Dev, Kind = StreamKind.Memcpy, Bytes = 4096, QueueDepth = 1 });
        }
        return new Workload { RunMilliseconds = runMilliseconds, Streams = streams };
    }

    private static bool IsTx(string name) => name.StartsWith("tx", StringComparison.OrdinalIgnoreCase);
}
