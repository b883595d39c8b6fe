namespace DmaActors.Mapping;

/// <summary>Ownership hand-over without unmapping (M-13): sync for the CPU, sync back for the device.</summary>
public sealed partial class Device
{
    /// <summary>Hands [address, +size) of a single mapping to the CPU: invalidates the cache (non-coherent) or copies the bounce slot out (FROM_DEVICE/BIDIRECTIONAL, S-4).</summary>
    /// <param name="address">A bus address inside a mapping (partial syncs allowed, M-13).</param>
    /// <param name="size">Bytes.</param>
    /// <param name="direction">The mapping's direction.</param>
    /// <remarks>Kernel: <c>dma_sync_single_for_cpu()</c>.</remarks>
    public void SyncSingleForCpu(DmaAddress address, long size, DmaDataDirection direction) => SyncSingle(address, size, direction, forCpu: true, "dma_sync_single_for_cpu()");

    /// <summary>Hands [address, +size) back to the device: cleans the cache (non-coherent) or copies into the bounce slot (TO_DEVICE/BIDIRECTIONAL, S-4).</summary>
    /// <param name="address">A bus address inside a mapping.</param>
    /// <param name="size">Bytes.</param>
    /// <param name="direction">The mapping's direction.</param>
    /// <remarks>Kernel: <c>dma_sync_single_for_device()</c>.</remarks>
    public void SyncSingleForDevice(DmaAddress address, long size, DmaDataDirection direction) => SyncSingle(address, size, direction, forCpu: false, "dma_sync_single_for_device()");

    /// <summary>Hands a mapped scatterlist to the CPU; <paramref name="nents"/> is the original count, not the mapped one (M-12).</summary>
    /// <param name="sg">The list.</param>
    /// <param name="nents">As passed to <see cref="MapSg"/>.</param>
    /// <param name="direction">As mapped.</param>
    /// <remarks>Kernel: <c>dma_sync_sg_for_cpu()</c>.</remarks>
    public void SyncSgForCpu(Scatterlist sg, int nents, DmaDataDirection direction) => SyncSg(sg, nents, direction, forCpu: true, "dma_sync_sg_for_cpu()");

    /// <summary>Hands a mapped scatterlist back to the device (M-12).</summary>
    /// <param name="sg">The list.</param>
    /// <param name="nents">As passed to <see cref="MapSg"/>.</param>
    /// <param name="direction">As mapped.</param>
    /// <remarks>Kernel: <c>dma_sync_sg_for_device()</c>.</remarks>
    public void SyncSgForDevice(Scatterlist sg, int nents, DmaDataDirection direction) => SyncSg(sg, nents, direction, forCpu: false, "dma_sync_sg_for_device()");

    private void SyncSingle(DmaAddress address, long size, DmaDataDirection direction, bool forCpu, string call)
    {
        EnsureValid(direction, call);
        lock (Platform.Sync)
        {
            Platform.Debug.CheckSync(this, address, size, direction, forCpu);
            SyncPhys(address.Value, size, direction, forCpu);
        }
    }

    private void SyncSg(Scatterlist sg, int nents, DmaDataDirection direction, bool forCpu, string call)
    {
        ArgumentNullException.ThrowIfNull(sg);
        EnsureValid(direction, call);
        lock (Platform.Sync)
        {
            var state = sg.MapState;
            int segments = state?.Count ?? 1;
            for (int i = 0; i < segments; i++) Platform.Debug.CheckSync(this, sg[i].DmaAddress, Math.Max(1, sg[i].DmaLength), direction, forCpu, nents);
            if (state is null) return;
            // The kernel walks the CPU-side entries with the nents given; past the mapped ones there is nothing to sync.
            for (int i = 0; i < Math.Min(nents, state.Nents); i++) SyncPhys(state.EntryDma[i], sg[i].Length, direction, forCpu);
        }
    }
}
