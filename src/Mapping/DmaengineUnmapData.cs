namespace DmaActors.Mapping;

/// <summary>
/// The addresses a dmaengine operation mapped, unmapped together when the last reference goes
/// (M-16): the first <see cref="ToCount"/> as TO_DEVICE, the next <see cref="FromCount"/> as
/// FROM_DEVICE, the next <see cref="BidiCount"/> as BIDIRECTIONAL (zero addresses skipped), all
/// with <see cref="Length"/> bytes.
/// </summary>
/// <remarks>Kernel: <c>struct dmaengine_unmap_data</c> (<c>drivers/dma/dmaengine.c</c>).</remarks>
public sealed class DmaengineUnmapData
{
    /// <summary>The unmap pools' sizes: a request takes the smallest that holds it (M-16).</summary>
    private static readonly int[] PoolSizes = [2, 16, 128, 256];

    private readonly Device _device;
    private int _references = 1;

    private DmaengineUnmapData(Device device, int capacity)
    {
        _device = device;
        Addresses = new DmaAddress[capacity];
    }

    /// <summary>The mapped addresses, to, then from, then bidirectional.</summary>
    /// <remarks>Kernel: <c>unmap-&gt;addr[]</c>.</remarks>
    public DmaAddress[] Addresses { get; }

    /// <summary>How many leading addresses were mapped TO_DEVICE.</summary>
    /// <remarks>Kernel: <c>to_cnt</c>.</remarks>
    public int ToCount { get; set; }

    /// <summary>How many following addresses were mapped FROM_DEVICE.</summary>
    /// <remarks>Kernel: <c>from_cnt</c>.</remarks>
    public int FromCount { get; set; }

    /// <summary>How many following addresses were mapped BIDIRECTIONAL.</summary>
    /// <remarks>Kernel: <c>bidi_cnt</c>.</remarks>
    public int BidiCount { get; set; }

    /// <summary>Bytes of every mapping.</summary>
    /// <remarks>Kernel: <c>len</c>.</remarks>
    public long Length { get; set; }

    /// <summary>Live references; the addresses are unmapped when it reaches 0.</summary>
    /// <remarks>Kernel: <c>kref</c>.</remarks>
    public int References => Volatile.Read(ref _references);

    /// <summary>A new record for <paramref name="count"/> addresses with one reference; null above 256.</summary>
    /// <param name="device">The device the addresses are mapped for.</param>
    /// <param name="count">Addresses needed.</param>
    /// <remarks>Kernel: <c>dmaengine_get_unmap_data()</c>.</remarks>
    public static DmaengineUnmapData? Get(Device device, int count)
    {
        ArgumentNullException.ThrowIfNull(device);
        int capacity = PoolSizes.FirstOrDefault(size => size >= count);
        return count <= 0 || capacity == 0 ? null : new DmaengineUnmapData(device, capacity);
    }

    /// <summary>Takes a reference (a descriptor now holds it).</summary>
    /// <remarks>Kernel: <c>dma_set_unmap()</c> (<c>kref_get</c>).</remarks>
    public void AddReference() => Interlocked.Increment(ref _references);

    /// <summary>Drops a reference; the last one unmaps every address with its direction.</summary>
    /// <remarks>Kernel: <c>dmaengine_unmap_put()</c>.</remarks>
    public void Put()
    {
        int left = Interlocked.Decrement(ref _references);
        if (left < 0) throw new DmaMappingException("EINVAL", "M-16", "dmaengine_unmap_put(): the reference count is already zero.");
        if (left > 0) return;
        int i = 0;
        for (; i < ToCount; i++) _device.UnmapPage(Addresses[i], Length, DmaDataDirection.ToDevice);
        for (; i < ToCount + FromCount; i++) _device.UnmapPage(Addresses[i], Length, DmaDataDirection.FromDevice);
        for (; i < ToCount + FromCount + BidiCount; i++)
        {
            if (Addresses[i].Value != 0) _device.UnmapPage(Addresses[i], Length, DmaDataDirection.Bidirectional);
        }
    }
}
