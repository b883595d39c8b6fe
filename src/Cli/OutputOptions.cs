using System.CommandLine;
using DmaActors.Cli.Output;

namespace DmaActors.Cli;

/// <summary>
/// The output options every command takes: <c>--json</c>, <c>--csv [TABLE]</c>, <c>--wide</c>,
/// <c>--no-color</c>. CSV prints one table on stdout, chosen by name (the command's first table
/// when none is named), so it pipes into any CSV reader: <c>dmactors demo --csv controllers &gt; c.csv</c>.
/// </summary>
internal sealed class OutputOptions
{
    private readonly IReadOnlyList<string> _tables;
    private readonly Option<bool> _json = new("--json") { Description = "Print the result as JSON (every figure, unrounded) instead of tables." };
    private readonly Option<string?> _csv;
    private readonly Option<bool> _wide = new("--wide") { Description = "Print every column in one table, however wide. Default: fit the terminal's width (COLUMNS, or the terminal's), 80 columns when stdout is not a terminal." };
    private readonly Option<bool> _noWallTime = new("--no-wall-time") { Description = "Leave out the wall time and real-time factor (virtual seconds per wall second), the only figures that differ between runs on the same seed: for byte-for-byte comparison of reports." };
    private readonly Option<bool> _noColour = new("--no-color") { Description = "No colour. There is none either when stdout is not a terminal, NO_COLOR is set or TERM=dumb." };

    /// <param name="tables">The names of the command's tables, the default one first.</param>
    public OutputOptions(IReadOnlyList<string> tables)
    {
        _tables = tables;
        _csv = new Option<string?>("--csv")
        {
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "TABLE",
            Description = $"Print one table as CSV instead of text: a header row, then raw (unrounded) values. TABLE: {string.Join(" or ", tables)} (default {tables[0]}).",
        };
        _csv.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !tables.Contains(result.Tokens[0].Value))
            {
                result.AddError($"--csv takes the name of a table: {string.Join(" or ", tables)}, not '{result.Tokens[0].Value}'.");
            }
        });
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_json);
        command.Options.Add(_csv);
        command.Options.Add(_wide);
        command.Options.Add(_noColour);
        command.Options.Add(_noWallTime);
        command.Validators.Add(result =>
        {
            if (result.GetResult(_json) is not null && result.GetResult(_csv) is not null) result.AddError("--json and --csv cannot be used together.");
        });
    }

    public OutputSettings Read(ParseResult result, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(result);
        var format = result.GetValue(_json) ? OutputFormat.Json : result.GetResult(_csv) is not null ? OutputFormat.Csv : OutputFormat.Text;
        return OutputSettings.Resolve(environment, format, result.GetValue(_csv) ?? _tables[0], result.GetValue(_wide), result.GetValue(_noColour)) with { WallTime = !result.GetValue(_noWallTime) };
    }
}
