using System.Globalization;

namespace DmaActors.Cli.Output;

/// <summary>How figures read in a text table: invariant culture, fixed decimals, thousands separators.</summary>
internal static class Figures
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double fraction, int decimals) => fraction.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A count of faults: red when not zero.</summary>
    public static ReportCell Faults(long value) => new(Count(value), value, value == 0 ? CellTone.Plain : CellTone.Bad);
}
