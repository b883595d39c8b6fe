namespace DmaActors.Mapping;

/// <summary>Scatter/gather mappings (M-11, M-12, H-12).</summary>
public sealed partial class Device
{
    /// <summary>
    /// Maps the first <paramref name="nents"/> entries; returns the number of DMA segments, 0 on
    /// failure. Behind an IOMMU, entries that end and start on page boundaries merge into one
    /// contiguous bus range (up to <see cref="MaxSegmentSize"/>), so the count may be smaller than
    /// nents (M-11); without one, each entry is its own segment (dma-direct never merges).
    /// </summary>
    /// <param name="sg">The list; <c>sg_dma_address/sg_dma_len</c> are filled for the returned count.</param>
    /// <param name="nents">Entries to map.</param>
    /// <param name="direction">Which way the data moves.</param>
    /// <param name="attrs">Attributes (<c>dma_map_sg_attrs()</c>).</param>
    /// <remarks>Kernel: <c>dma_map_sg()</c>.</remarks>
    public int MapSg(Scatterlist sg, int nents, DmaDataDirection direction, DmaAttrs attrs = DmaAttrs.None)
    {
        ArgumentNullException.ThrowIfNull(sg);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nents, sg.Count);
        EnsureValid(direction, "dma_map_sg()");
        lock (Platform.Sync)
        {
            if (sg.MapState is not null)
                throw new DmaMappingException("EBUSY", "M-11", $"dma_map_sg({Name}): this scatterlist is already mapped; an sg list must not be mapped twice (unmap it first with the original nents).");
            var entryDma = new ulong[nents];
            var state = _domain is null ? MapSgDirect(sg, nents, direction, attrs, entryDma) : MapSgIommu(sg, nents, direction, attrs, entryDma);
            if (state is null) return 0;
            sg.MapState = state;
            for (int i = state.Count; i < sg.Count; i++) sg[i].DmaLength = 0;
            TrackSegments(sg, state, direction, attrs);
            return state.Count;
        }
    }

    /// <summary>Unmaps a list; <paramref name="nents"/> must be the count passed to <see cref="MapSg"/>, not the count it returned (M-12, D-6).</summary>
    /// <param name="sg">The list.</param>
    /// <param name="nents">The original nents.</param>
    /// <param name="direction">As mapped.</param>
    /// <param name="attrs">Attributes (<c>dma_unmap_sg_attrs()</c>).</param>
    /// <remarks>Kernel: <c>dma_unmap_sg()</c>.</remarks>
    public void UnmapSg(Scatterlist sg, int nents, DmaDataDirection direction, DmaAttrs attrs = DmaAttrs.None)
    {
        ArgumentNullException.ThrowIfNull(sg);
        EnsureValid(direction, "dma_unmap_sg()");
        lock (Platform.Sync)
        {
            var state = sg.MapState;
            int segments = state?.Count ?? 1;
            for (int i = 0; i < segments; i++) Platform.Debug.CheckUnmap(this, sg[i].DmaAddress, sg[i].DmaLength, DmaDebugEntryType.ScatterGather, direction, nents);
            if (state is null) return;
            sg.MapState = null;
            for (int i = 0; i < state.Nents; i++) UnmapPhys(state.EntryDma[i], sg[i].Length, direction, attrs);
            if (state.Iova is not null) _domain!.Unmap(state.Iova.Value, state.IovaPages);
        }
    }

    private SgMapState? MapSgDirect(Scatterlist sg, int nents, DmaDataDirection direction, DmaAttrs attrs, ulong[] entryDma)
    {
        for (int i = 0; i < nents; i++)
        {
            var dma = MapPhys(sg[i].Phys.Value, sg[i].Length, direction, attrs);
            if (dma.IsMappingError)
            {
                for (int j = 0; j < i; j++) UnmapPhys(entryDma[j], sg[j].Length, direction, attrs | DmaAttrs.SkipCpuSync);
                return null;
            }
            entryDma[i] = dma.Value;
            sg[i].DmaAddress = dma;
            sg[i].DmaLength = sg[i].Length;
        }
        return new SgMapState(nents, nents, entryDma, null, 0);
    }

    private SgMapState? MapSgIommu(Scatterlist sg, int nents, DmaDataDirection direction, DmaAttrs attrs, ulong[] entryDma)
    {
        // One IOVA range for the whole list, each entry's pages laid end to end (iommu_dma_map_sg).
        var pfns = new List<ulong>();
        var firstPage = new int[nents];
        for (int i = 0; i < nents; i++)
        {
            firstPage[i] = pfns.Count;
            ulong start = sg[i].Phys.Value, last = start + Math.Max(sg[i].Length, 1u) - 1;
            for (ulong pfn = start / Platform.PageSize; pfn <= last / Platform.PageSize; pfn++) pfns.Add(pfn);
        }
        var iova = _domain!.Map(pfns, direction, DmaMask);
        if (iova is null) return null;
        int count = 0;
        for (int i = 0; i < nents; i++)
        {
            var entry = sg[i];
            ulong dma = iova.Value + ((ulong)firstPage[i] * Platform.PageSize) + entry.Offset;
            entryDma[i] = dma;
            // The per-entry record lets syncs find the physical pages; the IOVA range belongs to the list.
            if (!IsCoherent && !attrs.HasFlag(DmaAttrs.SkipCpuSync)) Platform.Cache.Clean(entry.Phys.Value, entry.Length);
            Register(new StreamingMapping(dma, entry.Phys.Value, entry.Length, false, 0));
            var previous = i == 0 ? null : sg[i - 1];
            bool merges = count > 0 && (previous!.Offset + previous.Length) % Platform.PageSize == 0 && entry.Offset == 0
                && sg[count - 1].DmaLength + entry.Length <= MaxSegmentSize;
            if (merges)
            {
                sg[count - 1].DmaLength += entry.Length;
                continue;
            }
            sg[count].DmaAddress = new DmaAddress(dma);
            sg[count].DmaLength = entry.Length;
            count++;
        }
        return new SgMapState(nents, count, entryDma, iova.Value, pfns.Count);
    }

    private void TrackSegments(Scatterlist sg, SgMapState state, DmaDataDirection direction, DmaAttrs attrs)
    {
        int entry = 0;
        for (int s = 0; s < state.Count; s++)
        {
            var physical = new List<(ulong Pa, long Length)>();
            long covered = 0;
            while (entry < state.Nents && covered < sg[s].DmaLength)
            {
                physical.Add((sg[entry].Phys.Value, sg[entry].Length));
                covered += sg[entry].Length;
                entry++;
            }
            if (sg[s].DmaLength > MaxSegmentSize)
                Platform.Debug.Report(DmaDebugCheck.SgSegmentTooLong, "D-12", this, $"mapping sg segment longer than device claims to support [len={sg[s].DmaLength}] [max={MaxSegmentSize}]");
            Platform.Debug.Add(new DmaDebugEntry
            {
                Device = this, Address = sg[s].DmaAddress, Size = sg[s].DmaLength, Type = DmaDebugEntryType.ScatterGather,
                Direction = direction, SgCallEnts = state.Nents, SgMappedEnts = state.Count, Physical = physical,
            }, attrs);
        }
    }
}
