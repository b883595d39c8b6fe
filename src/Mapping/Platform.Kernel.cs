namespace DmaActors.Mapping;

/// <summary>Memory no driver may map for DMA: the kernel image (text/rodata) and task stacks (D-9, D-10).</summary>
public sealed partial class Platform
{
    /// <summary>Page frames holding (non-vmapped) task stacks.</summary>
    private readonly HashSet<ulong> _stackPages = [];

    /// <summary>The kernel image's text and rodata, as physical (first, length); reserved on first use.</summary>
    private (ulong Pa, long Length)? _kernelText;

    /// <summary>The start of the kernel's text and rodata (one 64 KiB region, reserved on first use).</summary>
    /// <remarks>Kernel: <c>_stext</c> … <c>__end_rodata</c>.</remarks>
    public CpuAddress KernelText
    {
        get
        {
            lock (Sync)
            {
                if (_kernelText is null)
                {
                    var pa = AllocPages(4) ?? throw new DmaMappingException("ENOMEM", "D-10", "no memory for the kernel image");
                    _kernelText = (pa.Value, 16L * PageSize);
                }
                return PhysToVirt(new PhysAddress(_kernelText.Value.Pa));
            }
        }
    }

    /// <summary>A task stack in the linear map (a kernel without CONFIG_VMAP_STACK): 16 KiB.</summary>
    /// <remarks>Kernel: <c>alloc_thread_stack_node()</c>; with VMAP_STACK a stack is vmalloc memory and
    /// <c>dma_map_single()</c> rejects it as such (M-8).</remarks>
    public CpuAddress AllocStack()
    {
        var pa = AllocPages(2) ?? throw new DmaMappingException("ENOMEM", "D-9", "no memory for a stack");
        lock (Sync)
        {
            for (ulong i = 0; i < 4; i++) _stackPages.Add((pa.Value / PageSize) + i);
        }
        return PhysToVirt(pa);
    }

    /// <summary>dma-debug's source checks at map time: stack memory (D-9), kernel text or rodata (D-10). Lock held.</summary>
    internal void CheckMapSource(Device device, ulong pa, long size)
    {
        var va = PhysToVirt(new PhysAddress(pa));
        if (_stackPages.Contains(pa / PageSize))
            Debug.Report(DmaDebugCheck.MapStack, "D-9", device, $"device driver maps memory from stack [addr=0x{va.Value:x}]");
        if (_kernelText is { } text && pa < text.Pa + (ulong)text.Length && text.Pa < pa + (ulong)size)
            Debug.Report(DmaDebugCheck.MapKernelText, "D-10", device, $"device driver maps memory from kernel text or rodata [addr=0x{va.Value:x}] [len={size}]");
    }
}
