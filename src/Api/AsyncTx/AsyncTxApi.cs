using System.Runtime.CompilerServices;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Api.AsyncTx;

/// <summary>
/// The async_tx API over one <see cref="DmaEngine"/>: memcpy, memset and xor that run on a DMA
/// channel when one has the capability and fall back to the CPU otherwise, chained by
/// <see cref="AsyncSubmitCtl.DependTx"/> so an operation starts only after its parent completed,
/// across channels too (A-1..A-8).
/// </summary>
/// <remarks>
/// Kernel: <c>crypto/async_tx</c>. Channels are taken once per operation type with
/// <see cref="DmaEngine.RequestChannel"/> and kept (the kernel's public per-CPU channel table,
/// simplified to one channel per type). A child on another channel than its parent (or whose
/// parent is not yet submitted) is submitted and issued by the parent's completion, on the
/// parent's completion actor (kernel: <c>dma_run_dependencies()</c>); a child on the parent's
/// channel behind a submitted parent is submitted at once, channel order keeping it behind. A parent
/// prepared without DMA_PREP_INTERRUPT (no <see cref="AsyncSubmitCtl.CbFn"/>, as the kernel's
/// <c>async_memcpy()</c> prepares it) raises no completion interrupt (C-28): a child on another channel
/// then polls it to completion and is submitted at once (kernel: <c>async_tx_channel_switch()</c> on a
/// device without DMA_INTERRUPT), and waits poll the status as <c>dma_sync_wait()</c> does.
/// Node state changes under <see cref="_gate"/>; nothing asks a channel while holding it. The
/// descriptors returned own their <see cref="DmaAsyncTxDescriptor.Callback"/> (it runs the
/// dependencies): pass the callback in <see cref="AsyncSubmitCtl.CbFn"/>, never set it afterwards.
/// </remarks>
public sealed class AsyncTxApi
{
    private static readonly Duration s_waitLimit = Duration.FromMilliseconds(5000);

    private readonly Lock _gate = new();
    private readonly DmaEngine _engine;
    private readonly Dictionary<DmaCapMask, DmaChan?> _channels = [];
    private readonly ConditionalWeakTable<DmaAsyncTxDescriptor, AsyncTxNode> _nodes = new();

    /// <summary>Creates the async_tx layer of <paramref name="engine"/>.</summary>
    /// <param name="engine">The engine whose channels it uses.</param>
    public AsyncTxApi(DmaEngine engine) => _engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <summary>Copies <paramref name="len"/> bytes, on a DMA_MEMCPY channel or else synchronously .</summary>
    /// <param name="dest">Destination page address.</param>
    /// <param name="src">Source page address.</param>
    /// <param name="destOffset">Offset into <paramref name="dest"/>.</param>
    /// <param name="srcOffset">Offset into <paramref name="src"/>.</param>
    /// <param name="len">Bytes.</param>
    /// <param name="submit">Flags, dependency, callback.</param>
    /// <returns>The descriptor (not issued yet, A-7), or null when it ran synchronously.</returns>
    /// <remarks>Kernel: <c>async_memcpy()</c>.</remarks>
    public DmaAsyncTxDescriptor? AsyncMemcpy(ulong dest, ulong src, int destOffset, int srcOffset, int len, AsyncSubmitCtl submit)
    {
        ArgumentNullException.ThrowIfNull(submit);
        EnsureNotInCallback("async_memcpy()");
        var chan = ChannelFor(DmaCapMask.Memcpy, submit.DependTx);
        var tx = chan?.PrepDmaMemcpy(dest + (ulong)destOffset, src + (ulong)srcOffset, len, PrepFlags(submit));
        if (chan is null || tx is null)
        {
            Quiesce(submit.DependTx);
            _engine.Memory.Copy(src + (ulong)srcOffset, dest + (ulong)destOffset, len);
            submit.CbFn?.Invoke(submit.CbParam);
            return null;
        }
        return Submit(chan, tx, submit);
    }

    /// <summary>Fills <paramref name="len"/> bytes with the low byte of <paramref name="val"/>, on a DMA_MEMSET channel or else synchronously.</summary>
    /// <param name="dest">Destination page address.</param>
    /// <param name="val">Fill value (low byte).</param>
    /// <param name="offset">Offset into <paramref name="dest"/>.</param>
    /// <param name="len">Bytes.</param>
    /// <param name="submit">Flags, dependency, callback.</param>
    /// <returns>The descriptor, or null when it ran synchronously.</returns>
    /// <remarks>Kernel: <c>async_memset()</c> (listed in async-tx-api.rst, removed from current headers, A-1).</remarks>
    public DmaAsyncTxDescriptor? AsyncMemset(ulong dest, int val, int offset, int len, AsyncSubmitCtl submit)
    {
        ArgumentNullException.ThrowIfNull(submit);
        EnsureNotInCallback("async_memset()");
        var chan = ChannelFor(DmaCapMask.Memset, submit.DependTx);
        var tx = chan?.PrepDmaMemset(dest + (ulong)offset, val, len, PrepFlags(submit));
        if (chan is null || tx is null)
        {
            Quiesce(submit.DependTx);
            _engine.Memory.Fill(dest + (ulong)offset, unchecked((byte)val), len);
            submit.CbFn?.Invoke(submit.CbParam);
            return null;
        }
        return Submit(chan, tx, submit);
    }

    /// <summary>
    /// XORs the sources into <paramref name="dest"/>. The simulated hardware has no XOR engine, so
    /// this always takes the synchronous path: wait for the dependency, compute on the CPU, call
    /// the callback in the caller's context, return null.
    /// </summary>
    /// <param name="dest">Destination page address.</param>
    /// <param name="srcList">Source page addresses.</param>
    /// <param name="offset">Offset into every page.</param>
    /// <param name="len">Bytes.</param>
    /// <param name="submit">Flags (<see cref="AsyncTxFlags.XorZeroDst"/>, <see cref="AsyncTxFlags.XorDropDst"/>), dependency, callback.</param>
    /// <returns>Null: the operation ran synchronously.</returns>
    /// <remarks>Kernel: <c>async_xor()</c>.</remarks>
    public DmaAsyncTxDescriptor? AsyncXor(ulong dest, IReadOnlyList<ulong> srcList, int offset, int len, AsyncSubmitCtl submit)
    {
        ArgumentNullException.ThrowIfNull(srcList);
        ArgumentNullException.ThrowIfNull(submit);
        EnsureNotInCallback("async_xor()");
        Quiesce(submit.DependTx);
        var result = new byte[len];
        if ((submit.Flags & AsyncTxFlags.XorZeroDst) == 0) _engine.Memory.Read(dest + (ulong)offset, result);
        var source = new byte[len];
        for (int i = (submit.Flags & AsyncTxFlags.XorDropDst) != 0 ? 1 : 0; i < srcList.Count; i++)
        {
            _engine.Memory.Read(srcList[i] + (ulong)offset, source);
            for (int b = 0; b < len; b++) result[b] ^= source[b];
        }
        _engine.Memory.Write(dest + (ulong)offset, result);
        submit.CbFn?.Invoke(submit.CbParam);
        return null;
    }

    /// <summary>Issues pending work on every channel async_tx uses .</summary>
    /// <remarks>Kernel: <c>async_tx_issue_pending_all()</c> (= <c>dma_issue_pending_all()</c>).</remarks>
    public void AsyncTxIssuePendingAll()
    {
        DmaChan[] channels;
        lock (_gate) channels = [.. _channels.Values.OfType<DmaChan>().Distinct()];
        foreach (var chan in channels) chan.IssuePending();
    }

    /// <summary>Marks <paramref name="tx"/> acked: no operation may depend on it any more .</summary>
    /// <param name="tx">A descriptor returned by this API.</param>
    /// <remarks>Kernel: <c>async_tx_ack()</c>.</remarks>
    public void AsyncTxAck(DmaAsyncTxDescriptor tx)
    {
        var node = NodeOf(tx, "async_tx_ack()");
        lock (_gate) node.Acked = true;
    }

    /// <summary>Issues pending work and waits (driving the system, at most 5 s of its time) until <paramref name="tx"/> completed .</summary>
    /// <param name="tx">A descriptor returned by this API.</param>
    /// <returns>Complete, or Error after the time-out.</returns>
    /// <remarks>Kernel: <c>dma_wait_for_async_tx()</c>.</remarks>
    public DmaStatus DmaWaitForAsyncTx(DmaAsyncTxDescriptor tx)
    {
        var node = NodeOf(tx, "dma_wait_for_async_tx()");
        EnsureNotInCallback("dma_wait_for_async_tx()");
        AsyncTxIssuePendingAll();
        // As dma_sync_wait(): poll the status, which is also how a descriptor prepared without
        // DMA_PREP_INTERRUPT gets noticed and its dependencies run (C-28).
        _engine.World.RunUntil(() => Noticed(node), s_waitLimit);
        lock (_gate) return node.Completed ? DmaStatus.Complete : DmaStatus.Error;
    }

    private bool Noticed(AsyncTxNode node)
    {
        bool submitted;
        lock (_gate)
        {
            if (node.Completed) return true;
            submitted = node.Submitted;
        }
        if (submitted && node.Tx.Chan.IsActive) node.Tx.Chan.TxStatus(node.Tx.Cookie);
        return false;
    }

    private static DmaCtrlFlags PrepFlags(AsyncSubmitCtl submit) =>
        (submit.CbFn is null ? DmaCtrlFlags.None : DmaCtrlFlags.PrepInterrupt)
        | ((submit.Flags & AsyncTxFlags.Fence) != 0 ? DmaCtrlFlags.PrepFence : DmaCtrlFlags.None)
        | ((submit.Flags & AsyncTxFlags.Ack) != 0 ? DmaCtrlFlags.CtrlAck : DmaCtrlFlags.None);

    private static void EnsureNotInCallback(string call)
    {
        if (SimulatedWorld.IsInsideTheWorld)
            throw new DmaException("EPERM", "A-8", $"{call} from a completion callback: async_tx callbacks must not submit new operations. Submit from process context.");
    }

    /// <summary>A-3: the dependency's channel if its device can do <paramref name="cap"/>, else the public channel for it (taken on first use).</summary>
    private DmaChan? ChannelFor(DmaCapMask cap, DmaAsyncTxDescriptor? depend)
    {
        if (depend is not null && (depend.Chan.Device.CapMask & cap) == cap && depend.Chan.IsActive) return depend.Chan;
        lock (_gate)
        {
            if (!_channels.TryGetValue(cap, out var chan) || chan is { IsActive: false })
            {
                chan = _channels.Values.OfType<DmaChan>().FirstOrDefault(c => c.IsActive && (c.Device.CapMask & cap) == cap)
                    ?? _engine.RequestChannel(cap, null, null);
                _channels[cap] = chan;
            }
            return chan;
        }
    }

    private DmaAsyncTxDescriptor Submit(DmaChan chan, DmaAsyncTxDescriptor tx, AsyncSubmitCtl submit)
    {
        var node = new AsyncTxNode(tx, chan);
        var parent = submit.DependTx is { } depend ? NodeOf(depend, "async_tx_submit()") : null;
        var callback = submit.CbFn;
        var param = submit.CbParam;
        tx.Callback = _ => OnCompleted(node, callback, param);
        tx.CallbackIsCleanup = callback is null;
        _nodes.Add(tx, node);
        bool now = true;
        bool pollParent = false;
        lock (_gate)
        {
            if (parent is not null)
            {
                if (parent.Acked)
                    throw new DmaException("EINVAL", "A-5", $"{tx.Chan.Name}: depend_tx is already acked (ASYNC_TX_ACK, or another operation already depends on it): dependencies are 1:1. Chain from the latest operation.");
                parent.Acked = true;
                now = parent.Completed || (parent.Chan == chan && parent.Submitted);
                // A parent on another channel that raises no completion interrupt (C-28) would never run
                // this dependency: as async_tx_channel_switch() without DMA_INTERRUPT, poll it to completion first.
                pollParent = !now && parent.Submitted && (parent.Tx.Flags & DmaCtrlFlags.PrepInterrupt) == 0;
                if (!now && !pollParent) parent.Child = node;
            }
            if ((submit.Flags & AsyncTxFlags.Ack) != 0) node.Acked = true;
        }
        if (pollParent) Quiesce(parent!.Tx);
        if (now || pollParent) SubmitNode(node, issue: false);
        return tx;
    }

    /// <summary>On the parent's completion actor: run the user's callback, then the dependent operation (kernel: <c>dma_run_dependencies()</c>).</summary>
    private void OnCompleted(AsyncTxNode node, DmaAsyncTxCallback? callback, object? param)
    {
        AsyncTxNode? child;
        lock (_gate)
        {
            node.Completed = true;
            child = node.Child;
            node.Child = null;
        }
        callback?.Invoke(param);
        if (child is not null) SubmitNode(child, issue: true);
    }

    private void SubmitNode(AsyncTxNode node, bool issue)
    {
        node.Tx.Submit();
        AsyncTxNode? child;
        lock (_gate)
        {
            node.Submitted = true;
            // A child that chained while this was being submitted can now follow it on the same channel.
            child = node.Child is { } c && c.Chan == node.Chan && !node.Completed ? c : null;
            if (child is not null) node.Child = null;
        }
        if (issue) node.Chan.IssuePending();
        if (child is not null) SubmitNode(child, issue);
    }

    /// <summary>async_tx_quiesce: wait for a dependency before running synchronously.</summary>
    private void Quiesce(DmaAsyncTxDescriptor? depend)
    {
        if (depend is null) return;
        if (DmaWaitForAsyncTx(depend) != DmaStatus.Complete)
            throw new DmaException("EIO", "A-3", $"{depend.Chan.Name}: the operation depended on did not complete within 5000 ms; the synchronous fallback cannot run.");
        var node = NodeOf(depend, "async_tx_quiesce()");
        lock (_gate) node.Acked = true;
    }

    private AsyncTxNode NodeOf(DmaAsyncTxDescriptor tx, string call)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return _nodes.TryGetValue(tx, out var node)
            ? node
            : throw new DmaException("EINVAL", "A-5", $"{call}: the descriptor on {tx.Chan.Name} was not made by async_tx; only async_* results can be dependencies.");
    }
}
