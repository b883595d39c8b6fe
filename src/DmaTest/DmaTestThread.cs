using Akka.Actor;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.DmaTest;

/// <summary>
/// One dmatest kthread: a sequential loop of <c>iterations</c> tests on one channel, then its
/// summary line (T-5..T-15).
/// </summary>
/// <remarks>
/// Kernel: <c>struct dmatest_thread</c> and <c>dmatest_func()</c>. Buffers live at fixed physical
/// addresses; their physical address is used as the bus address <c>dma_map_page</c> would return
/// (a known simplification: the mapping layer, its cache maintenance and its errors are not
/// modelled; <see cref="DmaTestHooks.DmaMapPage"/> can stand in for it to inject faults). Fill and compare take no virtual time, so the
/// runtime is the time the transfers took.
/// </remarks>
internal sealed partial class DmaTestThread
{
    /// <summary>Kernel: <c>-ENOMEM</c>, the setup error of <c>dmatest_func()</c>.</summary>
    private const int Enomem = -12;

    private readonly DmaEngine _engine;
    private readonly DmaChan _chan;
    private readonly DmaTestParameters _params;
    private readonly DmaTestLog _log;
    private readonly DmaTestHooks? _hooks;
    private readonly Random _random;
    private readonly List<string> _lines = [];
    private readonly bool _polled;
    private volatile bool _finished;

    public DmaTestThread(DmaEngine engine, DmaChan chan, DmaCapMask type, int index, DmaTestSetup setup, ulong srcAddress, ulong dstAddress)
    {
        _engine = engine;
        _chan = chan;
        _params = setup.Params;
        _log = setup.Log;
        _hooks = setup.Hooks;
        _polled = setup.Polled;
        IsMemset = type == DmaCapMask.Memset;
        string name = $"{chan.Name}-{(IsMemset ? "set" : "copy")}{index}";
        // TASK_COMM_LEN is 16: current->comm keeps 15 characters.
        Name = name.Length > 15 ? name[..15] : name;
        SrcAddress = srcAddress;
        DstAddress = dstAddress;
        // get_random_bytes replaced by a stream per thread, derived from the seed, channel and index.
        _random = new Random(unchecked((_params.Seed * 7919) + (StableHash(chan.Name) * 131) + (index * 2) + (IsMemset ? 1 : 0)));
    }

    /// <summary>Kernel: <c>current-&gt;comm</c>.</summary>
    public string Name { get; }

    /// <summary>Kernel: <c>is_memset</c>.</summary>
    public bool IsMemset { get; }

    public ulong SrcAddress { get; }

    public ulong DstAddress { get; }

    private long NowNs => _engine.World.Clock.NowNanoseconds;

    /// <summary>Runs the thread to its end and returns its result.</summary>
    /// <remarks>Kernel: <c>dmatest_func()</c>.</remarks>
    public DmaTestThreadResult Run()
    {
        int bufSize = _params.TestBufSize;
        uint total = 0, failed = 0;
        ulong totalLen = 0;
        long runtimeUs = 0;
        int ret = Enomem;
        // The simulated devices declare no copy_align / fill_align: the device default is 0.
        int align = _params.Alignment < 0 ? 0 : _params.Alignment;
        if ((1L << align) > bufSize)
        {
            Info($"{bufSize}-byte buffer too small for {1L << align}-byte alignment", withComm: false);
        }
        else
        {
            long start = NowNs, fillNs = 0, compareNs = 0;
            while (total < (uint)_params.Iterations)
            {
                total++;
                int len;
                if (_params.TransferSize != 0)
                {
                    if (_params.TransferSize >= bufSize)
                    {
                        Info($"{_params.TransferSize}-byte transfer size must be lower than {bufSize}-buffer size", withComm: false);
                        break;
                    }
                    len = _params.TransferSize;
                }
                else
                {
                    len = _params.Norandom ? bufSize : (int)(NextRandom() % (uint)bufSize) + 1;
                }
                // Do not alter a transfer size the user gave.
                if (_params.TransferSize == 0)
                {
                    len = (len >> align) << align;
                    if (len == 0) len = 1 << align;
                }
                totalLen += (ulong)len;
                int srcOff = 0, dstOff = 0;
                if (!_params.Norandom)
                {
                    srcOff = (int)(NextRandom() % (uint)(bufSize - len + 1));
                    dstOff = (int)(NextRandom() % (uint)(bufSize - len + 1));
                    srcOff = (srcOff >> align) << align;
                    dstOff = (dstOff >> align) << align;
                }
                if (!OneTest(total, srcOff, dstOff, len, ref fillNs, ref compareNs)) failed++;
            }
            ret = 0;
            long elapsed = NowNs - start - compareNs - fillNs;
            runtimeUs = elapsed / 1000;
        }
        ulong iops = DmaTestFixedPoint.PerSec(runtimeUs, total);
        ulong kbs = DmaTestFixedPoint.KBs(runtimeUs, totalLen);
        string summary = $"{DmaTestRunner.Prefix}{Name}: summary {total} tests, {failed} failures {DmaTestFixedPoint.ToInt(iops)}.{DmaTestFixedPoint.Frac(iops):D2} iops {kbs} KB/s ({ret})";
        _log.Raw(summary, _lines);
        // Terminate all transfers on the channel if anything went wrong (T-9).
        if (ret != 0 || failed != 0) TryTerminateSync();
        _finished = true;
        var lines = _log.Snapshot(_lines);
        return new DmaTestThreadResult
        {
            Name = Name,
            Channel = _chan.Name,
            Tests = total,
            Failures = failed,
            TotalLen = totalLen,
            RuntimeUs = runtimeUs,
            IopsFixedPoint = iops,
            KBs = kbs,
            Ret = ret,
            Summary = summary,
            Lines = lines,
        };
    }

    /// <summary>Kernel: <c>dmatest_random()</c>: an unsigned long of random bytes (32 bits here; only its remainder is used).</summary>
    private uint NextRandom() => (uint)_random.NextInt64(0, 1L << 32);

    /// <summary>Kernel: <c>result()</c> (T-14).</summary>
    private void Result(string err, uint n, int srcOff, int dstOff, int len, long data) =>
        _log.Raw($"{DmaTestRunner.Prefix}{Name}: result #{n}: '{err}' with src_off=0x{srcOff:x} dst_off=0x{dstOff:x} len=0x{len:x} ({data})", _lines);

    /// <summary>Kernel: <c>verbose_result()</c>: info only when verbose (debug level otherwise, not printed).</summary>
    private void VerboseResult(string err, uint n, int srcOff, int dstOff, int len, long data)
    {
        if (_params.Verbose) Result(err, n, srcOff, dstOff, len, data);
    }

    /// <summary>A pr_err/pr_info line; the kernel's buffer-size messages carry no comm.</summary>
    private void Info(string message, bool withComm) => _log.Info(withComm ? $"{Name}: {message}" : message, _lines);

    /// <summary>Kernel: <c>msleep()</c> on the system's clock.</summary>
    private void Sleep(int ms) => _engine.System.Advance(Duration.FromMilliseconds(ms));

    private void TryTerminateSync()
    {
        try
        {
            _chan.TerminateSync();
        }
        catch (DmaException)
        {
            // The kernel ignores dmaengine_terminate_sync()'s return value.
        }
    }

    private static int StableHash(string text)
    {
        int hash = 17;
        foreach (char c in text) hash = unchecked((hash * 31) + c);
        return hash;
    }
}
