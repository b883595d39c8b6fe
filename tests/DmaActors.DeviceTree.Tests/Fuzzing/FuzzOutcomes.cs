using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>
/// What one property's inputs came to: parsed, or refused, with refusals counted by rule (the dtc
/// check a message names, else its first words). Written to the test's output and, with
/// <c>DMACTORS_FUZZ_REPORT</c>, appended to a file.
/// </summary>
internal sealed partial class FuzzOutcomes(string property)
{
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private int _tried;
    private int _parsed;
    private int _extra;

    /// <summary>Counts one input's end.</summary>
    public void Count(DtsSyntaxException? refusal)
    {
        Interlocked.Increment(ref _tried);
        if (refusal is null) Interlocked.Increment(ref _parsed);
        else _refusals.AddOrUpdate(Rule(refusal), 1, (_, n) => n + 1);
    }

    /// <summary>Counts a check that passed beyond the parse itself (a round trip, an agreement with dtc).</summary>
    public void CountExtra() => Interlocked.Increment(ref _extra);

    /// <summary>The summary: inputs tried, parsed, refused, and the commonest rules.</summary>
    public string Summary(string? extraName = null)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{property}: {_tried} inputs, {_parsed} parsed, {_tried - _parsed} refused with a located DtsSyntaxException, 0 other exceptions, 0 over the time or memory bound");
        if (extraName is not null) text.Append(CultureInfo.InvariantCulture, $"; {_extra} {extraName}");
        var ranked = _refusals.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (ranked.Count > 0) text.Append("; refusals by rule: ").AppendJoin(", ", ranked.Take(15).Select(r => $"'{r.Key}' {r.Value}"));
        if (ranked.Count > 15) text.Append(CultureInfo.InvariantCulture, $", {ranked.Count - 15} other rules {ranked.Skip(15).Sum(r => r.Value)}");
        return text.ToString();
    }

    /// <summary>Writes the summary to <paramref name="output"/> and the report file.</summary>
    public void Report(ITestOutputHelper output, string? extraName = null)
    {
        var summary = Summary(extraName);
        output.WriteLine(summary);
        if (FuzzSettings.ReportFile is { } file)
        {
            lock (typeof(FuzzOutcomes))
            {
                File.AppendAllText(file, summary + Environment.NewLine);
            }
        }
    }

    private static string Rule(DtsSyntaxException refusal)
    {
        var message = refusal.Message[(refusal.Message.IndexOf(": ", refusal.Location.Line == 0 ? refusal.Message.IndexOf("byte", StringComparison.Ordinal) : 0, StringComparison.Ordinal) + 2)..];
        if (DtcCheck().Match(message) is { Success: true } check) return check.Groups[1].Value;
        if (message.StartsWith("in /", StringComparison.Ordinal)) message = message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        // What varies (quoted names, numbers, paths) is left out: the rule is in the words around it.
        message = Varying().Replace(message, " ");
        var words = Word().Matches(message).Select(m => m.Value).Take(5);
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"\(dtc: ([a-z_]+)\)")]
    private static partial Regex DtcCheck();

    [GeneratedRegex(@"[A-Za-z][A-Za-z_\-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"'[^']*'|""[^""]*""|0x[0-9a-fA-F]+|\S*/\S*|\S*[0-9]\S*")]
    private static partial Regex Varying();
}
