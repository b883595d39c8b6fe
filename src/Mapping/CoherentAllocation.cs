using DmaActors.Mapping.Cma;

namespace DmaActors.Mapping;

/// <summary>One live <c>dma_alloc_coherent</c> buffer.</summary>
/// <param name="Cpu">CPU address returned.</param>
/// <param name="Pa">First physical page.</param>
/// <param name="Pages">Pages taken (2^order from the page allocator, exactly the size from CMA).</param>
/// <param name="Cma">The CMA area it came from, or null for the page allocator.</param>
/// <param name="IovaPages">IOVA pages mapped for it (0 without an IOMMU).</param>
/// <remarks>Kernel: no twin; the kernel recomputes this from the addresses at free.</remarks>
internal sealed record CoherentAllocation(CpuAddress Cpu, ulong Pa, ulong Pages, CmaArea? Cma, int IovaPages);
