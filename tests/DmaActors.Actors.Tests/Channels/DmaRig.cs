using Akka.Actor;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Tests.Channels;

/// <summary>
/// A started controller with its memory and a log of every completion callback, plus the few
/// verbs the tests repeat: prepare + submit a memcpy, issue, ask, drive until N callbacks ran.
/// Works on either dispatcher: everything it touches from callbacks is behind a lock. Submits go
/// through the channel's port, as the façade's do: no round trip.
/// </summary>
internal sealed class DmaRig
{
    /// <summary>Where RAM starts.</summary>
    public const ulong RamBase = 0x8000_0000;

    public DmaRig(ActorSystem system, Func<PhysicalMemory, ControllerConfig>? configure = null, int ramMegabytes = 16)
    {
        System = system;
        Memory = PhysicalMemory.Create(RamBase, (ulong)ramMegabytes << 20);
        var config = configure?.Invoke(Memory) ?? new ControllerConfig { Memory = Memory };
        Controller = DmaController.Start(system, config);
    }

    public ActorSystem System { get; }

    public PhysicalMemory Memory { get; }

    public DmaController Controller { get; }

    public CallbackLog Log { get; } = new();

    public SimulatedWorld World => System.Simulation();

    public IActorRef Chan(int index) => Controller.Channel(index);

    public VirtualChannelPort Port(int index) => Controller.Open(index);

    public string Name(int index) => Controller.ChannelName(index);

    /// <summary>Source address of test buffer <paramref name="slot"/> (64 KiB apart, in the first 8 MiB of RAM).</summary>
    public static ulong Source(int slot) => RamBase + ((ulong)slot << 16);

    /// <summary>Destination address of test buffer <paramref name="slot"/> (64 KiB apart, from 8 MiB on).</summary>
    public static ulong Destination(int slot) => RamBase + (8UL << 20) + ((ulong)slot << 16);

    /// <summary>Writes a never-zero pattern of <paramref name="length"/> bytes at <paramref name="address"/> and returns it.</summary>
    public byte[] Fill(ulong address, int length, int salt)
    {
        var pattern = Pattern(length, salt);
        Assert.Equal(BusStatus.Ok, Memory.Write(address, pattern));
        return pattern;
    }

    /// <summary>A pattern with no zero byte, so "not written yet" (zero) is always distinguishable.</summary>
    public static byte[] Pattern(int length, int salt)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte)(((i * 7) + (salt * 31) + (i >> 8)) % 251 + 1);
        return bytes;
    }

    public byte[] Read(ulong address, int length)
    {
        var bytes = new byte[length];
        Assert.Equal(BusStatus.Ok, Memory.Read(address, bytes));
        return bytes;
    }

    /// <summary>
    /// How many bytes of <paramref name="expected"/> have landed at <paramref name="destination"/>:
    /// the leading bytes that match. Asserts that everything after them is still zero, so a
    /// transfer that moves in order left no gap, no stray and no duplicate.
    /// </summary>
    public int BytesLanded(ulong destination, byte[] expected)
    {
        var actual = Read(destination, expected.Length);
        int landed = 0;
        while (landed < actual.Length && actual[landed] == expected[landed]) landed++;
        for (int i = landed; i < actual.Length; i++)
        {
            if (actual[i] != 0) Assert.Fail($"Byte {i} at 0x{destination + (ulong)i:x} is 0x{actual[i]:x2} after a gap at {landed}: data landed out of order.");
        }
        return landed;
    }

    /// <summary>Prepares and submits <paramref name="spec"/> on channel <paramref name="channel"/>; its callback goes to <see cref="Log"/>.</summary>
    public Submitted Submit(int channel, TransferSpec spec, DmaCtrlFlags flags = DmaCtrlFlags.PrepInterrupt)
    {
        var cookie = new CookieCell();
        string name = Name(channel);
        var clock = World.Clock;
        var log = Log;
        var port = Port(channel);
        void Callback(DmaengineResult outcome) => log.Add(new CallbackRecord(name, cookie.Value, outcome, port.IsInCallbackOnThisThread, clock.NowNanoseconds));
        long id = port.Prepare(spec, new DescriptorOptions(flags, Callback));
        cookie.Value = port.SubmitPrepared(id, spec.TotalBytes);
        return new Submitted(channel, id, cookie.Value, spec);
    }

    /// <summary>A memcpy between test buffers <paramref name="slot"/>, its source filled with a pattern first.</summary>
    public Submitted Memcpy(int channel, int slot, int length, int burstBytes = 64, DmaCtrlFlags flags = DmaCtrlFlags.PrepInterrupt)
    {
        var pattern = Fill(Source(slot), length, slot);
        var submitted = Submit(channel, TransferSpec.Memcpy(Source(slot), Destination(slot), length, burstBytes), flags);
        return submitted with { Slot = slot, Pattern = pattern };
    }

    public int Issue(int channel) => Ask<IssueSubmittedReply>(channel, IssueSubmitted.Instance).Issued;

    /// <summary>issue_pending as a driver calls it: through the channel's port, no answer awaited.</summary>
    public void IssuePending(int channel) => Port(channel).IssuePending();

    /// <summary>Asks channel <paramref name="channel"/> through its port (in order with its posts) and expects a <typeparamref name="T"/>.</summary>
    public T Ask<T>(int channel, object message) => Assert.IsType<T>(Port(channel).Ask(message), exactMatch: false);

    public ChannelStateReply State(int channel) => Ask<ChannelStateReply>(channel, GetChannelState.Instance);

    public TxStatusReply TxStatus(int channel, int cookie) => Ask<TxStatusReply>(channel, new GetTxStatus(cookie));

    /// <summary>Drives the system until <paramref name="count"/> callbacks have run; fails if they do not within <paramref name="limit"/> of virtual time.</summary>
    public void RunUntilCallbacks(int count, Duration? limit = null)
    {
        var log = Log;
        System.RunUntil(() => log.Count >= count, limit ?? Duration.FromMilliseconds(50));
        Assert.True(Log.Count >= count, $"Expected {count} callbacks, {Log.Count} ran: [{string.Join(", ", Log.Records)}].");
    }

    private sealed class CookieCell
    {
        private int _value;

        public int Value
        {
            get => Volatile.Read(ref _value);
            set => Volatile.Write(ref _value, value);
        }
    }
}

/// <summary>A submitted descriptor as the tests know it.</summary>
internal sealed record Submitted(int Channel, long DescriptorId, int Cookie, TransferSpec Spec)
{
    public int Slot { get; init; } = -1;

    public byte[] Pattern { get; init; } = [];
}

/// <summary>One callback run: which channel, which cookie, the result, whether its channel's port saw it run on this thread, when.</summary>
internal sealed record CallbackRecord(string Channel, int Cookie, DmaengineResult Outcome, bool RanAsItsChannelsCallback, long TimeNanoseconds);

/// <summary>Every callback that ran, in order; thread-safe (callbacks of different channels run on different actors).</summary>
internal sealed class CallbackLog
{
    private readonly Lock _gate = new();
    private readonly List<CallbackRecord> _records = [];

    public int Count
    {
        get
        {
            lock (_gate) return _records.Count;
        }
    }

    public IReadOnlyList<CallbackRecord> Records
    {
        get
        {
            lock (_gate) return [.. _records];
        }
    }

    public void Add(CallbackRecord record)
    {
        lock (_gate) _records.Add(record);
    }

    public IReadOnlyList<CallbackRecord> For(string channel) => [.. Records.Where(r => r.Channel == channel)];

    public IReadOnlyList<int> CookiesOf(string channel) => [.. For(channel).Select(r => r.Cookie)];
}
