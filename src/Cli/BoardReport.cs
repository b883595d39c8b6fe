using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DmaActors.Boards;

namespace DmaActors.Cli;

/// <summary>
/// What a board brought up, for people (plain text) and machines (JSON): every DMA controller and
/// router and what became of it, every consumer's channels resolved to controller, request line
/// and cells with the peripheral model or why none, the deferrals and the binding problems.
/// </summary>
internal static class BoardReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void WriteText(SimulatedBoard board, string source, TextWriter output)
    {
        string model = board.Tree.Root.Property("model") is { IsEmpty: false } m && m.Value[^1] == 0 ? $" ({m.Strings()[0]})" : "";
        output.WriteLine($"board: {source}{model}");
        output.WriteLine();
        output.WriteLine($"DMA controllers and routers ({board.Providers.Count})");
        int width = board.Providers.Select(p => p.DevName.Length).DefaultIfEmpty(0).Max();
        foreach (var p in board.Providers)
        {
            string what = p.State switch
            {
                BoardProviderState.Registered => $"{p.Model}: {p.Channels} channels, {p.RequestLines} request lines, {ChannelNames(board, p)}",
                BoardProviderState.Router => $"router to {board.Providers.FirstOrDefault(q => q.Node == p.Master)?.DevName ?? p.Master?.Path} ({p.RequestLines} inputs)",
                BoardProviderState.NotModelled => $"not modelled: {p.Reason}",
                BoardProviderState.Disabled => "disabled: its driver never probes",
                _ => $"failed: {p.Reason}",
            };
            output.WriteLine($"  {p.DevName.PadRight(width)}  {p.Compatible}  {what}");
        }
        output.WriteLine();
        var consumers = board.Channels.GroupBy(c => c.Node).ToList();
        output.WriteLine($"DMA consumers ({consumers.Count})");
        foreach (var consumer in consumers)
        {
            var first = consumer.First();
            output.WriteLine($"  {first.DevName}  {first.Node.Path}  {string.Join(", ", Compatibles(first.Node))}");
            int nameWidth = consumer.Max(c => c.Name.Length);
            foreach (var c in consumer)
            {
                output.WriteLine($"    {c.Name.PadRight(nameWidth)}  {Route(board, c)}  {State(c)}");
            }
        }
        var deferred = ByDevice(board.Deferrals).ToList();
        output.WriteLine();
        output.WriteLine($"Deferred ({deferred.Count})");
        foreach (var (devName, channels, reason) in deferred) output.WriteLine($"  {devName} ({channels}): {reason}");
        if (board.Channels.Any(c => c.State == BoardChannelState.NoPeripheral))
        {
            output.WriteLine();
            output.WriteLine($"Peripheral models: {string.Join(", ", PeripheralProfiles.Compatibles)}");
        }
        WriteProblems(board, output);
    }

    /// <summary>
    /// What a run leaves out, on stderr before its tables: controllers not modelled or failed,
    /// consumers deferred (one line a device, as the kernel defers a device), channels without a
    /// peripheral model, and every binding problem.
    /// </summary>
    public static void WriteLeftOut(SimulatedBoard board, TextWriter diagnostics)
    {
        foreach (var p in board.Providers.Where(p => p.State is BoardProviderState.NotModelled or BoardProviderState.Failed))
            diagnostics.WriteLine($"dmactors: left out {p.DevName} ({p.Compatible}): {(p.State == BoardProviderState.NotModelled ? "not modelled" : "failed: " + p.Reason)}");
        foreach (var (devName, channels, reason) in ByDevice(board.Deferrals))
            diagnostics.WriteLine($"dmactors: deferred {devName} ({channels}): {reason}");
        foreach (var (devName, channels, reason) in ByDevice(board.Channels.Where(c => c.State == BoardChannelState.NoPeripheral)))
            diagnostics.WriteLine($"dmactors: no stream on {devName} ({channels}): {reason}");
        foreach (var problem in board.Problems) diagnostics.WriteLine($"dmactors: {problem}");
    }

    /// <summary>Channels grouped by device and reason: the device, its channel names ("rx, tx"), the reason.</summary>
    private static IEnumerable<(string DevName, string Channels, string? Reason)> ByDevice(IEnumerable<BoardConsumerChannel> channels) =>
        channels.GroupBy(c => (c.DevName, c.Reason)).Select(g => (g.Key.DevName, Names(g.Select(c => c.Name).ToList()), g.Key.Reason));

    /// <summary>"rx, tx", or "30 channels: rx1 … tx15" when there are many.</summary>
    private static string Names(List<string> names) =>
        names.Count <= 4 ? string.Join(", ", names.Select(n => '"' + n + '"')) : $"{names.Count} channels: \"{names[0]}\" … \"{names[^1]}\"";

    public static void WriteJson(SimulatedBoard board, string source, TextWriter output)
    {
        var report = new
        {
            Board = source,
            Model = board.Tree.Root.Property("model") is { IsEmpty: false } m && m.Value[^1] == 0 ? m.Strings()[0] : null,
            Controllers = board.Providers.Select(p => new
            {
                Device = p.DevName,
                Path = p.Node.Path,
                p.Compatible,
                p.State,
                p.Model,
                p.Channels,
                p.RequestLines,
                ChannelNames = p.State == BoardProviderState.Registered ? board.Controllers.First(c => c.Node == p.Node).Device.ChannelNames : [],
                RoutesTo = p.Master is null ? null : board.Providers.FirstOrDefault(q => q.Node == p.Master)?.DevName ?? p.Master.Path,
                p.Reason,
            }),
            Consumers = board.Channels.GroupBy(c => c.Node).Select(g => new
            {
                Device = g.First().DevName,
                Path = g.Key.Path,
                Compatible = Compatibles(g.Key),
                Channels = g.Select(c => new
                {
                    c.Name,
                    c.Index,
                    Provider = DevNameOf(board, c.Provider),
                    c.Cells,
                    Controller = DevNameOf(board, c.Controller),
                    c.Line,
                    Peripheral = c.PeripheralModel,
                    c.State,
                    c.Reason,
                }),
            }),
            Deferred = board.Deferrals.Select(d => new { Device = d.DevName, Channel = d.Name, d.Reason }),
            Problems = board.Problems.Select(p => new { p.Consumer.Path, p.Channel, p.Severity, p.Rule, p.Message, p.KernelAccepts }),
        };
        output.WriteLine(JsonSerializer.Serialize(report, Json));
    }

    private static void WriteProblems(SimulatedBoard board, TextWriter output)
    {
        int errors = board.Errors.Count(), warnings = board.Problems.Count - errors;
        output.WriteLine();
        output.WriteLine($"Binding problems ({errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")})");
        foreach (var problem in board.Problems) output.WriteLine($"  {problem}");
    }

    private static string Route(SimulatedBoard board, BoardConsumerChannel c)
    {
        if (c.Provider is null) return "(no provider)";
        string cells = $"<{string.Join(' ', c.Cells.Select(x => x.ToString(CultureInfo.InvariantCulture)))}>";
        string provider = DevNameOf(board, c.Provider)!;
        string line = c.Line is { } l ? $"line {l.ToString(CultureInfo.InvariantCulture)}" : "line chosen at request";
        return c.Controller is { } controller && controller != c.Provider
            ? $"{provider} {cells} -> {DevNameOf(board, controller)} {line}"
            : c.Controller is not null ? $"{provider} {cells} {line}" : $"{provider} {cells}";
    }

    private static string State(BoardConsumerChannel c) => c.State switch
    {
        BoardChannelState.Wired => $"{c.PeripheralModel}",
        BoardChannelState.WiredAtRequest => $"{c.PeripheralModel} (wired when requested)",
        BoardChannelState.NoPeripheral => $"no stream: {c.Reason}",
        BoardChannelState.Deferred => "deferred (why: below)",
        _ => $"invalid: {c.Reason}",
    };

    private static string ChannelNames(SimulatedBoard board, BoardDmaProvider p)
    {
        var names = board.Controllers.First(c => c.Node == p.Node).Device.ChannelNames;
        return names.Count == 0 ? "no channels" : $"{names[0]}..{names[^1]}";
    }

    private static string? DevNameOf(SimulatedBoard board, DeviceTree.DtNode? node) =>
        node is null ? null : board.Providers.FirstOrDefault(p => p.Node == node)?.DevName ?? node.Path;

    private static IReadOnlyList<string> Compatibles(DeviceTree.DtNode node) =>
        node.Property("compatible") is { IsEmpty: false } c && c.Value[^1] == 0 ? c.Strings() : [];
}
