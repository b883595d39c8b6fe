using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>
/// A DMA router (crossbar) between consumers and a DMA controller. Kernel: the
/// <c>route_allocate</c> / <c>route_free</c> pair given to <c>of_dma_router_register()</c> (O-8, O-9).
/// </summary>
public interface IDmaRouter
{
    /// <summary>The router's node (consumers' <c>dmas</c> point at it).</summary>
    DtNode Node { get; }

    /// <summary>The controller it routes to (its <c>dma-masters</c>).</summary>
    DtNode Master { get; }

    /// <summary>
    /// Rewrites a consumer's specifier into one for the real controller, taking whatever the
    /// route needs (an output line), and returns how to free it.
    /// </summary>
    /// <exception cref="DmaException">EINVAL or ENOMEM as the kernel's crossbar drivers return them (O-10).</exception>
    (DtNode Master, uint[] Cells, Action Free) RouteAllocate(DtNode consumer, uint[] cells);

    /// <summary>What <see cref="RouteAllocate"/> would refuse in <paramref name="cells"/> whatever else is routed (a wrong cell count, an input or line it does not have), or null.</summary>
    (string Rule, string Message)? CheckSpecifier(IReadOnlyList<uint> cells);
}
