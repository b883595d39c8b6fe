namespace DmaActors.Mapping;

/// <summary>A scatter/gather table: entries plus, while mapped, how they were mapped.</summary>
/// <remarks>Kernel: an array of <c>struct scatterlist</c> (<c>sg_init_table()</c>).</remarks>
public sealed class Scatterlist
{
    private readonly ScatterlistEntry[] _entries;

    /// <summary>Creates a table of <paramref name="count"/> empty entries.</summary>
    /// <param name="count">Entries.</param>
    /// <remarks>Kernel: <c>sg_init_table()</c>.</remarks>
    public Scatterlist(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _entries = [.. Enumerable.Range(0, count).Select(_ => new ScatterlistEntry())];
    }

    /// <summary>Entries in the table.</summary>
    public int Count => _entries.Length;

    /// <summary>Entry <paramref name="index"/>.</summary>
    /// <param name="index">Index.</param>
    public ScatterlistEntry this[int index] => _entries[index];

    /// <summary>A table over the pages of a buffer, one entry per physically contiguous run.</summary>
    /// <param name="platform">The machine.</param>
    /// <param name="buffer">A vmalloc (or kmalloc) address.</param>
    /// <param name="length">Bytes.</param>
    /// <remarks>Kernel: <c>sg_alloc_table_from_pages()</c> over <c>vmalloc_to_page()</c> (contiguous pages merged).</remarks>
    public static Scatterlist FromBuffer(Platform platform, CpuAddress buffer, int length)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var pieces = new List<(PhysAddress Pa, uint Length)>();
        ulong va = buffer.Value;
        int left = length;
        while (left > 0)
        {
            int inPage = (int)Math.Min((ulong)left, Platform.PageSize - (va % Platform.PageSize));
            var cpu = new CpuAddress(va);
            var pa = Platform.IsVmalloc(cpu) ? platform.VmallocToPage(cpu) + (va % Platform.PageSize) : Platform.VirtToPhys(cpu);
            if (pieces.Count > 0 && pieces[^1].Pa.Value + pieces[^1].Length == pa.Value)
                pieces[^1] = (pieces[^1].Pa, pieces[^1].Length + (uint)inPage);
            else
                pieces.Add((pa, (uint)inPage));
            va += (ulong)inPage;
            left -= inPage;
        }
        var table = new Scatterlist(pieces.Count);
        for (int i = 0; i < pieces.Count; i++) table[i].SetPage(pieces[i].Pa, pieces[i].Length, 0);
        return table;
    }

    /// <summary>While mapped: the per-entry mappings, the IOVA range (if any) and the returned count.</summary>
    internal SgMapState? MapState { get; set; }
}
