namespace DmaActors.Mapping;

/// <summary>
/// CONFIG_DMA_API_DEBUG: tracks every mapping and allocation and reports misuse as structured
/// events (<see cref="Events"/>); with <see cref="Strict"/> on, each printed report also throws a
/// <see cref="DmaDebugException"/> from the offending call, leaving that call undone.
/// </summary>
/// <remarks>
/// Kernel: <c>kernel/dma/debug.c</c>. As there, every error counts in <see cref="ErrorCount"/>
/// (<c>error_count</c>) but only the first is printed (<see cref="NumErrors"/> = 1), unless
/// <see cref="AllErrors"/> is set; <see cref="Printed"/> is what the kernel log would hold, while
/// <see cref="Events"/> keeps every report for tests. All state is guarded by the platform lock;
/// there is no callback, so nothing user-supplied ever runs under that lock.
/// </remarks>
public sealed partial class DmaDebug
{
    private readonly Platform _platform;
    private readonly List<DmaDebugEntry> _entries = [];
    private readonly List<DmaDebugEvent> _events = [];

    /// <summary>Live dma-bufs whose pages the CPU may touch only inside begin/end_cpu_access (DB-6).</summary>
    private readonly List<DmaBufs.DmaBuf> _dmaBufs = [];

    internal DmaDebug(Platform platform, bool enabled)
    {
        _platform = platform;
        Enabled = enabled;
    }

    /// <summary>Whether checks run (on by default).</summary>
    /// <remarks>Kernel: debugfs <c>dma-api/disabled</c>, boot <c>dma_debug=off</c>.</remarks>
    public bool Enabled { get; set; }

    /// <summary>Whether each printed report also throws (off by default); with <see cref="NumErrors"/> at its default only the first error is printed, so set <see cref="AllErrors"/> to throw on every one.</summary>
    /// <remarks>Kernel: <c>panic_on_warn</c>, which fires on the WARN of a printed error only.</remarks>
    public bool Strict { get; set; }

    /// <summary>Every report so far, oldest first, printed or not (<see cref="DmaDebugEvent.Printed"/> says which).</summary>
    public IReadOnlyList<DmaDebugEvent> Events { get { lock (_platform.Sync) return [.. _events]; } }

    /// <summary>The reports the kernel would have printed, oldest first: every plain warning, and the errors <see cref="NumErrors"/> and <see cref="AllErrors"/> let through.</summary>
    /// <remarks>Kernel: the <c>"DMA-API: …"</c> WARN lines in the log.</remarks>
    public IReadOnlyList<DmaDebugEvent> Printed { get { lock (_platform.Sync) return [.. _events.Where(e => e.Printed)]; } }

    /// <summary>Errors so far, printed or not (plain warnings such as a full swiotlb pool are not errors of dma-debug and do not count).</summary>
    /// <remarks>Kernel: debugfs <c>dma-api/error_count</c>, incremented by every <c>err_printk()</c>.</remarks>
    public int ErrorCount { get { lock (_platform.Sync) return _errorCount; } }

    /// <summary>Whether every error is printed (off by default: only <see cref="NumErrors"/> more are).</summary>
    /// <remarks>Kernel: debugfs <c>dma-api/all_errors</c> (<c>show_all_errors</c>, default 0).</remarks>
    public bool AllErrors
    {
        get { lock (_platform.Sync) return _allErrors; }
        set { lock (_platform.Sync) _allErrors = value; }
    }

    /// <summary>How many more errors are printed while <see cref="AllErrors"/> is off: each error takes one, printed or not, until 0 (default 1: the first error only). Writing it allows that many more.</summary>
    /// <remarks>Kernel: debugfs <c>dma-api/num_errors</c> (<c>show_num_errors</c>, default 1), one budget for the whole system, not per driver or device.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A negative value (the kernel's is a u32).</exception>
    public int NumErrors
    {
        get { lock (_platform.Sync) return _numErrors; }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (_platform.Sync) _numErrors = value;
        }
    }

    private int _errorCount;
    private bool _allErrors;
    private int _numErrors = 1;

    /// <summary>Live tracked entries.</summary>
    /// <remarks>Kernel: <c>nr_total_entries - num_free_entries</c>.</remarks>
    public int ActiveEntries { get { lock (_platform.Sync) return _entries.Count; } }

    /// <summary>Whether any report of <paramref name="check"/> was made.</summary>
    /// <param name="check">The check.</param>
    public bool Reported(DmaDebugCheck check) => Events.Any(e => e.Check == check);

    /// <summary>Forgets the reports (not the tracked entries).</summary>
    public void ClearEvents()
    {
        lock (_platform.Sync) _events.Clear();
    }

    /// <summary>Tracks a new entry. A non-TO_DEVICE streaming mapping whose first cache line is already the
    /// first line of another such mapping is D-17 (the kernel tracks only the first line), unless SKIP_CPU_SYNC.</summary>
    internal void Add(DmaDebugEntry entry, DmaAttrs attrs = DmaAttrs.None)
    {
        if (!Enabled) return;
        if (_entries.Count >= _platform.Options.DmaDebugEntries)
        {
            Report(DmaDebugCheck.DebugOutOfMemory, "D-19", entry.Device, "debugging out of memory - disabling", always: true);
            Enabled = false;
            _entries.Clear();
            return;
        }
        _entries.Add(entry);
        if (entry.Type == DmaDebugEntryType.Coherent || entry.Direction == DmaDataDirection.ToDevice || attrs.HasFlag(DmaAttrs.SkipCpuSync)) return;
        ulong line = entry.Physical[0].Pa / (ulong)_platform.Options.CacheLineSize;
        int overlaps = _entries.Count(e => e != entry && e.Type != DmaDebugEntryType.Coherent && e.Direction != DmaDataDirection.ToDevice
            && e.Physical[0].Pa / (ulong)_platform.Options.CacheLineSize == line);
        if (overlaps > 0)
            Report(DmaDebugCheck.OverlappingCacheline, "D-17", entry.Device, "cacheline tracking EEXIST, overlapping mappings aren't supported", always: true);
    }

    /// <summary>
    /// Records a report; throws in strict mode when it is printed. <paramref name="always"/>: a plain
    /// kernel warning (<c>pr_err</c>, <c>dev_err</c>, WARN), always printed and not an error of
    /// dma-debug; otherwise an <c>err_printk()</c>: counted, and printed while
    /// <see cref="AllErrors"/> is on or <see cref="NumErrors"/> is left (which it uses up).
    /// </summary>
    internal void Report(DmaDebugCheck check, string rule, Device device, string message, bool always = false) =>
        Report(check, rule, device.Name, message, always);

    /// <inheritdoc cref="Report(DmaDebugCheck, string, Device, string, bool)"/>
    internal void Report(DmaDebugCheck check, string rule, string device, string message, bool always = false)
    {
        DmaDebugEvent report;
        bool printed;
        lock (_platform.Sync)
        {
            if (!Enabled && !always) return;
            printed = always || _allErrors || _numErrors > 0;
            if (!always)
            {
                _errorCount++;
                if (!_allErrors && _numErrors > 0) _numErrors--;
            }
            report = new DmaDebugEvent(check, rule, device, message) { Printed = printed };
            _events.Add(report);
        }
        if (Strict && printed) throw new DmaDebugException(report);
    }

    /// <summary>A fence that will never be signalled (DB-10), reported against its driver.</summary>
    internal void ReportFence(Fences.DmaFence fence, string message) =>
        Report(DmaDebugCheck.FenceNeverSignalled, "DB-10", fence.DriverName, message);

    /// <summary><c>dma_mapping_error()</c> was called: the entry at (device, address) is checked (D-8).</summary>
    internal void MarkChecked(Device device, DmaAddress address)
    {
        foreach (var entry in _entries)
        {
            if (entry.Device == device && entry.Address == address) entry.MapErrorChecked = true;
        }
    }

    /// <summary>Starts checking CPU access to a dma-buf (lock held).</summary>
    internal void Watch(DmaBufs.DmaBuf dmabuf) => _dmaBufs.Add(dmabuf);

    /// <summary>Stops checking a released dma-buf (lock held).</summary>
    internal void Unwatch(DmaBufs.DmaBuf dmabuf) => _dmaBufs.Remove(dmabuf);

    /// <summary>CPU load or store: a streaming buffer the device owns must not be touched (extension of D-20), nor a dma-buf outside begin/end_cpu_access (DB-6).</summary>
    internal void CheckCpuAccess(ulong pa, int length, bool write)
    {
        if (!Enabled) return;
        foreach (var dmabuf in _dmaBufs)
        {
            if (!dmabuf.CpuAccessViolates(pa, length)) continue;
            Report(DmaDebugCheck.DmaBufCpuAccessWithoutBegin, "DB-6", dmabuf.ExpName,
                $"CPU {(write ? "writes" : "reads")} {dmabuf} at pa:0x{pa:x} [len={length}] outside dma_buf_begin_cpu_access()/dma_buf_end_cpu_access(): the cache may hold stale or unwritten data");
            break;
        }
        foreach (var entry in _entries)
        {
            if (entry.Type == DmaDebugEntryType.Coherent || !entry.DeviceOwned) continue;
            if (!write && entry.Direction == DmaDataDirection.ToDevice) continue;
            if (!entry.Physical.Any(p => pa < p.Pa + (ulong)p.Length && p.Pa < pa + (ulong)length)) continue;
            Report(DmaDebugCheck.CpuAccessWhileDeviceOwned, "M-13", entry.Device,
                $"CPU {(write ? "writes" : "reads")} DMA memory the device owns [device address=0x{entry.Address.Value:x16}] [size={entry.Size} bytes] [mapped with {DmaDebugEntry.Name(entry.Direction)}]; call dma_sync_*_for_cpu() or unmap first");
            return;
        }
    }

    /// <summary>The device lost its driver: every live entry is a leak (D-18); they are then forgotten.</summary>
    internal void ReleaseDevice(Device device)
    {
        var leaked = _entries.Where(e => e.Device == device).ToList();
        if (leaked.Count == 0) return;
        _entries.RemoveAll(e => e.Device == device);
        var first = leaked[0];
        Report(DmaDebugCheck.LeakOnRelease, "D-18", device,
            $"device driver has pending DMA allocations while released from device [count={leaked.Count}] One of leaked entries details: [device address=0x{first.Address.Value:x16}] [size={first.Size} bytes] [mapped with {DmaDebugEntry.Name(first.Direction)}] [mapped as {DmaDebugEntry.Name(first.Type)}]");
    }
}
