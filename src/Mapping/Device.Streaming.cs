namespace DmaActors.Mapping;

/// <summary>Streaming single/page mappings: map, unmap, mapping-error check, and the mechanism under them.</summary>
public sealed partial class Device
{
    /// <summary>Maps a kmalloc buffer for one DMA; returns <see cref="DmaAddress.MappingError"/> on failure (check with <see cref="MappingError"/>).</summary>
    /// <param name="buffer">A linear-map (kmalloc) address. vmalloc memory is rejected (M-8).</param>
    /// <param name="size">Bytes.</param>
    /// <param name="direction">Which way the data moves.</param>
    /// <param name="attrs">Attributes (<c>dma_map_single_attrs()</c>).</param>
    /// <remarks>Kernel: <c>dma_map_single()</c>.</remarks>
    public DmaAddress MapSingle(CpuAddress buffer, long size, DmaDataDirection direction, DmaAttrs attrs = DmaAttrs.None)
    {
        EnsureValid(direction, "dma_map_single()");
        if (Platform.IsVmalloc(buffer))
        {
            lock (Platform.Sync) Platform.Debug.Report(DmaDebugCheck.MapVmalloc, "M-8", this, VmallocRejection(buffer, size), always: true);
            return DmaAddress.MappingError;
        }
        return MapTracked(Platform.VirtToPhys(buffer).Value, size, direction, attrs);
    }

    /// <summary>Unmaps a <see cref="MapSingle"/> mapping; size and direction must equal the map call (M-9).</summary>
    /// <param name="address">The bus address the map returned.</param>
    /// <param name="size">Bytes, as mapped.</param>
    /// <param name="direction">Direction, as mapped.</param>
    /// <param name="attrs">Attributes (<c>dma_unmap_single_attrs()</c>).</param>
    /// <remarks>Kernel: <c>dma_unmap_single()</c>.</remarks>
    public void UnmapSingle(DmaAddress address, long size, DmaDataDirection direction, DmaAttrs attrs = DmaAttrs.None) => UnmapTracked(address, size, direction, attrs, "dma_unmap_single()");

    /// <summary>Maps part of a page (which needs no CPU address, so highmem works) (M-10).</summary>
    /// <param name="page">The page's physical address.</param>
    /// <param name="offset">Offset into it.</param>
    /// <param name="size">Bytes.</param>
    /// <param name="direction">Which way the data moves.</param>
    /// <param name="attrs">Attributes (<c>dma_map_page_attrs()</c>).</param>
    /// <remarks>Kernel: <c>dma_map_page()</c>.</remarks>
    public DmaAddress MapPage(PhysAddress page, ulong offset, long size, DmaDataDirection direction, DmaAttrs attrs = DmaAttrs.None)
    {
        EnsureValid(direction, "dma_map_page()");
        return MapTracked(page.Value + offset, size, direction, attrs);
    }

    /// <summary>Unmaps a <see cref="MapPage"/> mapping (M-9).</summary>
    /// <param name="address">The bus address the map returned.</param>
    /// <param name="size">Bytes, as mapped.</param>
    /// <param name="direction">Direction, as mapped.</param>
    /// <param name="attrs">Attributes (<c>dma_unmap_page_attrs()</c>).</param>
    /// <remarks>Kernel: <c>dma_unmap_page()</c>.</remarks>
    public void UnmapPage(DmaAddress address, long size, DmaDataDirection direction, DmaAttrs attrs = DmaAttrs.None) => UnmapTracked(address, size, direction, attrs, "dma_unmap_page()");

    /// <summary>Whether a map call failed; calling it is what dma-debug's D-8 check wants to see.</summary>
    /// <param name="address">What the map call returned.</param>
    /// <remarks>Kernel: <c>dma_mapping_error()</c> (non-zero, -ENOMEM, when true).</remarks>
    public bool MappingError(DmaAddress address)
    {
        lock (Platform.Sync) Platform.Debug.MarkChecked(this, address);
        return address.IsMappingError;
    }

    private DmaAddress MapTracked(ulong pa, long size, DmaDataDirection direction, DmaAttrs attrs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        lock (Platform.Sync)
        {
            Platform.CheckMapSource(this, pa, size);
            var dma = MapPhys(pa, size, direction, attrs);
            if (!dma.IsMappingError)
            {
                Platform.Debug.Add(new DmaDebugEntry
                {
                    Device = this, Address = dma, Size = size, Type = DmaDebugEntryType.SingleOrPage,
                    Direction = direction, Physical = [(pa, size)],
                }, attrs);
            }
            return dma;
        }
    }

    private void UnmapTracked(DmaAddress address, long size, DmaDataDirection direction, DmaAttrs attrs, string call)
    {
        EnsureValid(direction, call);
        lock (Platform.Sync)
        {
            Platform.Debug.CheckUnmap(this, address, size, DmaDebugEntryType.SingleOrPage, direction);
            UnmapPhys(address.Value, size, direction, attrs);
        }
    }

    /// <summary>The mechanism: IOMMU translation, a swiotlb bounce when out of reach, else direct; then the cache clean (lock held).</summary>
    private DmaAddress MapPhys(ulong pa, long size, DmaDataDirection direction, DmaAttrs attrs)
    {
        StreamingMapping mapping;
        if (_domain is not null)
        {
            ulong first = pa / Platform.PageSize;
            int pages = (int)(((pa + (ulong)size - 1) / Platform.PageSize) - first + 1);
            var iova = _domain.Map([.. Enumerable.Range(0, pages).Select(i => first + (ulong)i)], direction, DmaMask);
            if (iova is null) return DmaAddress.MappingError;
            mapping = new StreamingMapping(iova.Value + (pa % Platform.PageSize), pa, size, false, pages);
        }
        else if (_domain is null && (ForceBounce || pa + (ulong)size - 1 > DmaLimit))
        {
            var bounce = Platform.Swiotlb.Map(this, pa, size, warn: !attrs.HasFlag(DmaAttrs.NoWarn));
            if (bounce is null) return DmaAddress.MappingError;
            mapping = new StreamingMapping(bounce.Value, pa, size, true, 0);
        }
        else
        {
            mapping = new StreamingMapping(pa, pa, size, false, 0);
        }
        // arch_sync_dma_for_device(): arm64 cleans for every direction, so a FROM_DEVICE buffer's
        // lines stay valid in the cache, and go stale, until sync_for_cpu or unmap invalidates them.
        if (!IsCoherent && !mapping.Bounced && !attrs.HasFlag(DmaAttrs.SkipCpuSync)) Platform.Cache.Clean(pa, size);
        Register(mapping);
        return new DmaAddress(mapping.Dma);
    }

    private void Register(StreamingMapping mapping)
    {
        if (!_mappings.TryGetValue(mapping.Dma, out var list)) _mappings[mapping.Dma] = list = [];
        list.Add(mapping);
    }

    /// <summary>Undoes the mapping at <paramref name="dma"/> (best size match); unknown addresses do nothing (lock held).</summary>
    private void UnmapPhys(ulong dma, long size, DmaDataDirection direction, DmaAttrs attrs)
    {
        if (!_mappings.TryGetValue(dma, out var list)) return;
        var mapping = list.FirstOrDefault(m => m.Size == size) ?? list[0];
        list.Remove(mapping);
        if (list.Count == 0) _mappings.Remove(dma);
        if (mapping.Bounced)
        {
            Platform.Swiotlb.Unmap(mapping.Dma, direction, skipCpuSync: attrs.HasFlag(DmaAttrs.SkipCpuSync));
            return;
        }
        // arch_sync_dma_for_cpu(): nothing for TO_DEVICE, invalidate otherwise.
        if (!IsCoherent && direction != DmaDataDirection.ToDevice && !attrs.HasFlag(DmaAttrs.SkipCpuSync)) Platform.Cache.Invalidate(mapping.Pa, mapping.Size);
        if (mapping.IovaPages > 0) _domain!.Unmap(mapping.Dma / Platform.PageSize * Platform.PageSize, mapping.IovaPages);
    }

    /// <summary>Syncs [dma, +size) of whichever mapping contains it (lock held).</summary>
    private void SyncPhys(ulong dma, long size, DmaDataDirection direction, bool forCpu)
    {
        var mapping = _mappings.Values.SelectMany(l => l).FirstOrDefault(m => dma >= m.Dma && dma < m.Dma + (ulong)m.Size);
        if (mapping is null) return;
        if (mapping.Bounced)
        {
            Platform.Swiotlb.Sync(dma, size, direction, forCpu);
            return;
        }
        if (IsCoherent) return;
        ulong pa = mapping.Pa + (dma - mapping.Dma);
        size = Math.Min(size, mapping.Size - (long)(dma - mapping.Dma));
        if (!forCpu) Platform.Cache.Clean(pa, size);
        else if (direction != DmaDataDirection.ToDevice) Platform.Cache.Invalidate(pa, size);
    }

    private string VmallocRejection(CpuAddress buffer, long size)
    {
        string why = "vmalloc memory has no linear VA-to-PA relation, so one bus address cannot describe it";
        ulong lastVa = buffer.Value + (ulong)size - 1;
        if (buffer.Value / Platform.PageSize != lastVa / Platform.PageSize)
        {
            var first = Platform.VmallocToPage(buffer);
            var next = Platform.VmallocToPage(new CpuAddress((buffer.Value / Platform.PageSize * Platform.PageSize) + Platform.PageSize));
            why = $"the buffer crosses a page boundary and vmalloc pages are not physically contiguous (page at {buffer} is {first}, the next page is {next})";
        }
        return $"rejecting DMA map of vmalloc memory [addr=0x{buffer.Value:x}] [len={size}]: {why}; map each page with dma_map_page(vmalloc_to_page()) or build a scatterlist and use dma_map_sg()";
    }
}
