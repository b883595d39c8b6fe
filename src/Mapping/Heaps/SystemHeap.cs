namespace DmaActors.Mapping.Heaps;

/// <summary>The <c>system</c> heap: pages from the page allocator, largest chunks first (orders 8, 4, 0), so a buffer is physically scattered (DB-12).</summary>
/// <remarks>Kernel: <c>drivers/dma-buf/heaps/system_heap.c</c> (<c>orders[] = {8, 4, 0}</c>).</remarks>
public sealed class SystemHeap(Platform platform) : DmaHeap(platform, "system")
{
    private static readonly int[] Orders = [8, 4, 0];

    /// <inheritdoc/>
    protected override IReadOnlyList<(PhysAddress Start, long Length)>? AllocateRuns(long size)
    {
        var runs = new List<(PhysAddress Start, long Length)>();
        long left = size;
        int maxOrder = Orders[0];
        while (left > 0)
        {
            PhysAddress? page = null;
            int used = 0;
            foreach (int order in Orders)
            {
                if (order > maxOrder || left < (long)Platform.PageSize << order) continue;
                page = Platform.AllocPages(order);
                used = order;
                if (page is not null) break;
                maxOrder = order; // a failed order is not tried again for this buffer
            }
            if (page is null)
            {
                FreeRuns(runs);
                return null;
            }
            runs.Add((page.Value, (long)Platform.PageSize << used));
            left -= (long)Platform.PageSize << used;
        }
        return runs;
    }

    /// <inheritdoc/>
    protected override void FreeRuns(IReadOnlyList<(PhysAddress Start, long Length)> runs)
    {
        foreach (var (start, length) in runs) Platform.FreePagesAt(start, Platform.Order(length));
    }
}
