using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.DmaTest;

// One test of dmatest_func(): fill, prep, submit, wait, verify (T-7, T-8, T-12, T-14).
internal sealed partial class DmaTestThread
{
    /// <summary>Runs test number <paramref name="n"/>; false when it failed.</summary>
    private bool OneTest(uint n, int srcOff, int dstOff, int len, ref long fillNs, ref long compareNs)
    {
        int bufSize = _params.TestBufSize;
        var memory = _engine.Memory;
        if (!_params.Noverify)
        {
            long start = NowNs;
            var buf = new byte[bufSize];
            DmaTestPattern.InitSource(buf, srcOff, len, IsMemset);
            memory.Write(SrcAddress, buf);
            DmaTestPattern.InitDestination(buf, dstOff, len, IsMemset);
            memory.Write(DstAddress, buf);
            fillNs += NowNs - start;
        }
        // dma_map_page over the whole buffers: the physical address is the bus address (no mapping
        // layer, see the class remarks), unless a hook stands in for the mapping.
        ulong srcBus = _hooks?.DmaMapPage?.Invoke(SrcAddress, true) ?? SrcAddress;
        if (srcBus == DmaTestHooks.DmaMappingError)
        {
            Result("src mapping error", n, srcOff, dstOff, len, Enomem);
            return false;
        }
        ulong dstBus = _hooks?.DmaMapPage?.Invoke(DstAddress, false) ?? DstAddress;
        if (dstBus == DmaTestHooks.DmaMappingError)
        {
            Result("dst mapping error", n, srcOff, dstOff, len, Enomem);
            return false;
        }
        var flags = _polled ? DmaCtrlFlags.CtrlAck : DmaCtrlFlags.CtrlAck | DmaCtrlFlags.PrepInterrupt;
        DmaAsyncTxDescriptor? tx;
        try
        {
            if (IsMemset)
            {
                // The fill value is the source byte at src_off (T-7).
                Span<byte> value = stackalloc byte[1];
                memory.Read(SrcAddress + (ulong)srcOff, value);
                tx = _chan.PrepDmaMemset(dstBus + (ulong)dstOff, value[0], len, flags);
            }
            else
            {
                tx = _chan.PrepDmaMemcpy(dstBus + (ulong)dstOff, srcBus + (ulong)srcOff, len, flags);
            }
        }
        catch (DmaException)
        {
            // A driver's prep returning NULL: the façade throws where the kernel gets NULL.
            tx = null;
        }
        if (tx is null)
        {
            Result("prep error", n, srcOff, dstOff, len, 0);
            Sleep(100);
            return false;
        }
        var done = new DmaTestDone(this);
        if (!_polled)
        {
            tx.Callback = DmaTestDone.Callback;
            tx.CallbackParam = done;
        }
        int cookie;
        try
        {
            cookie = tx.Submit();
        }
        catch (DmaException)
        {
            Result("submit error", n, srcOff, dstOff, len, 0);
            Sleep(100);
            return false;
        }
        var status = Wait(cookie, done);
        if (!done.Done)
        {
            Result("test timed out", n, srcOff, dstOff, len, 0);
            return false;
        }
        bool noOrder = (_chan.Device.CapMask & DmaCapMask.CompletionNoOrder) != 0;
        if (status != DmaStatus.Complete && !(noOrder && status == DmaStatus.OutOfOrder))
        {
            Result(status == DmaStatus.Error ? "completion error status" : "completion busy status", n, srcOff, dstOff, len, 0);
            return false;
        }
        _hooks?.AfterTransfer?.Invoke(new DmaTestTransfer(Name, n, SrcAddress, DstAddress, srcOff, dstOff, len, memory));
        if (_params.Noverify)
        {
            VerboseResult("test passed", n, srcOff, dstOff, len, 0);
            return true;
        }
        long compareStart = NowNs;
        int errors = VerifyBuffers(srcOff, dstOff, len);
        compareNs += NowNs - compareStart;
        if (errors != 0)
        {
            Result("data error", n, srcOff, dstOff, len, errors);
            return false;
        }
        VerboseResult("test passed", n, srcOff, dstOff, len, 0);
        return true;
    }

    /// <summary>Polled: dma_sync_wait then terminate_sync; else issue, wait up to timeout ms, then is_tx_complete (T-8).</summary>
    private DmaStatus Wait(int cookie, DmaTestDone done)
    {
        if (_polled)
        {
            var polled = _chan.SyncWait(cookie);
            TryTerminateSync();
            if (polled == DmaStatus.Complete) done.Done = true;
            return polled;
        }
        _chan.IssuePending();
        var timeout = _params.Timeout < 0 ? Duration.Infinite : Duration.FromMilliseconds(_params.Timeout);
        long deadline = timeout.IsInfinite ? long.MaxValue : NowNs + timeout.Nanoseconds;
        var system = _engine.System;
        var outcome = system.RunUntil(() => done.Done, timeout);
        // Nothing left to run: the wait still lasts its full timeout on the system's clock.
        if (outcome == RunOutcome.Idle && !done.Done && !timeout.IsInfinite && NowNs < deadline)
            system.Advance(Duration.FromNanoseconds(deadline - NowNs));
        return _chan.IsTxComplete(cookie, out _, out _);
    }

    /// <summary>The six verify calls of T-12 over the buffers read back from memory.</summary>
    private int VerifyBuffers(int srcOff, int dstOff, int len)
    {
        int bufSize = _params.TestBufSize;
        var src = new byte[bufSize];
        var dst = new byte[bufSize];
        _engine.Memory.Read(SrcAddress, src);
        _engine.Memory.Read(DstAddress, dst);
        void Warn(string line) => _log.Raw(line, _lines);
        const byte srcCopy = DmaTestPattern.Src | DmaTestPattern.Copy;
        int errors = DmaTestPattern.Verify(Warn, Name, src, 0, srcOff, 0, DmaTestPattern.Src, true, IsMemset);
        errors += DmaTestPattern.Verify(Warn, Name, src, srcOff, srcOff + len, srcOff, srcCopy, true, IsMemset);
        errors += DmaTestPattern.Verify(Warn, Name, src, srcOff + len, bufSize, srcOff + len, DmaTestPattern.Src, true, IsMemset);
        errors += DmaTestPattern.Verify(Warn, Name, dst, 0, dstOff, 0, DmaTestPattern.Dst, false, IsMemset);
        errors += DmaTestPattern.Verify(Warn, Name, dst, dstOff, dstOff + len, srcOff, srcCopy, false, IsMemset);
        errors += DmaTestPattern.Verify(Warn, Name, dst, dstOff + len, bufSize, dstOff + len, DmaTestPattern.Dst, false, IsMemset);
        return errors;
    }

    /// <summary>Kernel: the WARN of <c>dmatest_callback()</c> when a callback arrives after the thread ended (T-9).</summary>
    internal void LateCallback() => _log.Raw("dmatest: Kernel memory may be corrupted!!", _lines);

    /// <summary>Whether the thread has ended (<c>thread-&gt;done</c>).</summary>
    internal bool Finished => _finished;
}
