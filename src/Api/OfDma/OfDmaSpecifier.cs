using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>
/// One entry of a consumer's <c>dmas</c>: the controller (or router) its phandle names, and that
/// node's <c>#dma-cells</c> cells. Kernel: <c>struct of_phandle_args</c> from
/// <c>of_parse_phandle_with_args(np, "dmas", "#dma-cells", index)</c>.
/// </summary>
/// <param name="Index">The entry's index in <c>dmas</c> (and in <c>dma-names</c>).</param>
/// <param name="Name">The <c>dma-names</c> entry at that index, or null when <c>dma-names</c> is shorter.</param>
/// <param name="Controller">The node the phandle points at.</param>
/// <param name="Cells">The specifier cells.</param>
public sealed record OfDmaSpecifier(int Index, string? Name, DtNode Controller, IReadOnlyList<uint> Cells)
{
    /// <summary>The most argument cells a phandle reference may carry (include/linux/of.h: MAX_PHANDLE_ARGS).</summary>
    private const int MaxPhandleArgs = 16;

    /// <summary>
    /// Walks <paramref name="consumer"/>'s <c>dmas</c> entry by entry, each phandle followed by
    /// its node's <c>#dma-cells</c> cells, pairing them with <c>dma-names</c>. Stops at the first
    /// entry it cannot read (an unknown phandle, a node without <c>#dma-cells</c>, a cut-short
    /// entry) and reports it in <paramref name="problems"/>, as the kernel's parser stops there.
    /// </summary>
    /// <param name="tree">The tree phandles are looked up in.</param>
    /// <param name="consumer">The consumer node.</param>
    /// <param name="problems">Where unreadable entries are reported (consumer path and rule in each).</param>
    /// <returns>The entries read, in order.</returns>
    public static IReadOnlyList<OfDmaSpecifier> Parse(DtTree tree, DtNode consumer, ICollection<OfDmaBindingProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(problems);
        var entries = new List<OfDmaSpecifier>();
        var dmas = consumer.Property("dmas");
        if (dmas is null) return entries;
        if (dmas.Value.Length % 4 != 0)
        {
            problems.Add(new OfDmaBindingProblem(consumer, null, "O-2", $"dmas is {dmas.Value.Length} bytes, not a list of cells <&controller args…>", KernelAccepts: false));
            return entries;
        }
        var names = NamesOf(consumer);
        var cells = dmas.Cells();
        int position = 0;
        for (int index = 0; position < cells.Length; index++)
        {
            string? name = index < names.Count ? names[index] : null;
            uint phandle = cells[position];
            var controller = tree.FindByPhandle(phandle);
            if (controller is null)
            {
                problems.Add(new OfDmaBindingProblem(consumer, name, "O-2", $"dmas entry {index} names phandle {phandle}, which no node has", KernelAccepts: false));
                break;
            }
            if (controller.Property("#dma-cells") is not { Value.Length: 4 } count)
            {
                problems.Add(new OfDmaBindingProblem(consumer, name, "O-1", $"dmas entry {index} points at {controller.Path}, which is not a DMA controller or router (it has no #dma-cells)", KernelAccepts: false));
                break;
            }
            uint declared = count.Cell();
            if (declared > MaxPhandleArgs)
            {
                problems.Add(new OfDmaBindingProblem(consumer, name, "O-2", $"dmas entry {index} points at {controller.Path}, whose #dma-cells = <{declared}> is more than the {MaxPhandleArgs} argument cells a phandle may carry (the kernel's MAX_PHANDLE_ARGS; of_parse_phandle_with_args refuses it)", KernelAccepts: false));
                break;
            }
            int n = (int)declared;
            if (position + 1 + n > cells.Length)
            {
                problems.Add(new OfDmaBindingProblem(consumer, name, "O-2", $"dmas entry {index} is cut short: {controller.Path} has #dma-cells = <{n}> but only {cells.Length - position - 1} cell(s) follow its phandle", KernelAccepts: false));
                break;
            }
            entries.Add(new OfDmaSpecifier(index, name, controller, cells[(position + 1)..(position + 1 + n)]));
            position += 1 + n;
        }
        return entries;
    }

    /// <summary>The consumer's <c>dma-names</c>, or none when it is missing, empty or not strings.</summary>
    public static IReadOnlyList<string> NamesOf(DtNode consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var property = consumer.Property("dma-names");
        if (property is null || property.IsEmpty || property.Value[^1] != 0) return [];
        return property.Strings();
    }
}
