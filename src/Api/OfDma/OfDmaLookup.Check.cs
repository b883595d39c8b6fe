using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

// Binding validation at load (issue 14, item 6): every problem of a consumer's dmas/dma-names,
// not only the first, each with the consumer's path and the rule, and whether the kernel
// would accept it anyway.
public sealed partial class OfDmaLookup
{
    /// <summary>
    /// Every problem of <paramref name="consumer"/>'s binding that can be seen without taking a
    /// channel: missing or empty <c>dma-names</c> (O-3); <c>dmas</c> and <c>dma-names</c> of
    /// different lengths (O-2); a phandle to no node or to a node that is no DMA controller, a
    /// cut-short specifier (O-1, O-2); and, for entries whose controller or router is registered,
    /// what its xlate or route_allocate would refuse (a request line beyond <c>dma-requests</c>,
    /// a wrong number of cells, a crossbar input it does not have: O-1, O-5, O-10).
    /// </summary>
    /// <returns>The problems, in <c>dmas</c> order; empty for a good binding or a node without <c>dmas</c>.</returns>
    public IReadOnlyList<OfDmaBindingProblem> Check(DtNode consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var problems = new List<OfDmaBindingProblem>();
        if (consumer.Property("dmas") is null) return problems;
        var names = OfDmaSpecifier.NamesOf(consumer);
        if (names.Count == 0)
            problems.Add(new OfDmaBindingProblem(consumer, null, "O-3", $"dma-names property of node '{consumer.Path}' missing or empty: every request for a channel of it fails (ENODEV)", KernelAccepts: false));
        var entries = OfDmaSpecifier.Parse(Tree, consumer, problems);
        bool readWhole = problems.All(p => p.Rule == "O-3");
        if (readWhole && names.Count > entries.Count)
        {
            foreach (var name in names.Skip(entries.Count))
                problems.Add(new OfDmaBindingProblem(consumer, name, "O-2", $"dma-names has {names.Count} entries but dmas has {entries.Count} specifier(s): a request for \"{name}\" finds no specifier (ENODEV)", KernelAccepts: false));
        }
        if (names.Count > 0 && entries.Count > names.Count)
            problems.Add(new OfDmaBindingProblem(consumer, null, "O-2", $"dmas has {entries.Count} specifiers but dma-names only {names.Count} names: specifier(s) {string.Join(", ", Enumerable.Range(names.Count, entries.Count - names.Count))} can never be requested", KernelAccepts: true));
        foreach (var entry in entries.Where(e => e.Name is not null))
        {
            if (RouterAt(entry.Controller) is { } router)
            {
                if (router.CheckSpecifier([.. entry.Cells]) is { } refused)
                    problems.Add(new OfDmaBindingProblem(consumer, entry.Name, refused.Rule, $"dmas entry {entry.Index}: {refused.Message}", KernelAccepts: false));
                continue;
            }
            if (ControllerAt(entry.Controller) is not { } controller) continue; // unmodelled or deferred: the board reports it
            if (controller.Xlate == OfDmaXlate.Pl08x && entry.Cells.Count != 2)
            {
                problems.Add(new OfDmaBindingProblem(consumer, entry.Name, "O-5", $"dmas entry {entry.Index} has {entry.Cells.Count} cell(s) for {controller.Node.Path}: DMA channel translation requires two cells (the PL08x binding: <request signal, AHB master(s)>)", KernelAccepts: false));
                continue;
            }
            if (entry.Cells.Count != CellsOf(controller.Xlate))
            {
                problems.Add(new OfDmaBindingProblem(consumer, entry.Name, "O-5", $"dmas entry {entry.Index} has {entry.Cells.Count} cell(s); {controller.Node.Path}'s {controller.Xlate} xlate takes {CellsOf(controller.Xlate)}", KernelAccepts: false));
                continue;
            }
            if (SpecifierProblem(controller, entry.Cells) is { } problem)
                problems.Add(new OfDmaBindingProblem(consumer, entry.Name, problem.Rule, $"dmas entry {entry.Index}: {problem.Message}", problem.KernelAccepts));
        }
        return problems;
    }
}
