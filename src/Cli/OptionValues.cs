using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace DmaActors.Cli;

/// <summary>
/// Parsers for option values whose errors read as plain sentences ("--seed takes a whole number
/// from 0 to 18446744073709551615, not '-1'") instead of System.CommandLine's default, which names
/// the .NET type (<c>System.Nullable`1[System.UInt64]</c>).
/// </summary>
internal static class OptionValues
{
    public static T WholeNumber<T>(ArgumentResult result) where T : struct, IBinaryInteger<T>, IMinMaxValue<T> =>
        TryWhole(result, out T value) ? value : default;

    public static T? OptionalWholeNumber<T>(ArgumentResult result) where T : struct, IBinaryInteger<T>, IMinMaxValue<T> =>
        TryWhole(result, out T value) ? value : null;

    /// <summary>A parser for a whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="why"/> (", ...") says where the limit comes from.</summary>
    public static Func<ArgumentResult, int> WholeNumberFrom(int min, int max, string why = "") => result =>
    {
        if (!TryWhole(result, out int value)) return default;
        if (value >= min && value <= max) return value;
        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{Name(result)} takes a whole number from {min} to {max}{why}, not '{Token(result)}'."));
        return default;
    };

    /// <summary>The longest run a command takes, in milliseconds of virtual time (a workload file's limit too).</summary>
    public const double MaxMilliseconds = 60_000;

    /// <summary>A run length: milliseconds of virtual time in (0, <see cref="MaxMilliseconds"/>].</summary>
    public static double Milliseconds(ArgumentResult result) => TryMilliseconds(result, out double value) ? value : default;

    public static double? OptionalMilliseconds(ArgumentResult result) => TryMilliseconds(result, out double value) ? value : null;

    private static bool TryMilliseconds(ArgumentResult result, out double value)
    {
        if (!TryNumber(result, out value)) return false;
        if (value is > 0 and <= MaxMilliseconds) return true;
        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{Name(result)} takes milliseconds of virtual time, more than 0 and at most {MaxMilliseconds}, not '{Token(result)}'."));
        return false;
    }

    private static bool TryWhole<T>(ArgumentResult result, out T value) where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        string token = Token(result);
        if (T.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        // A number out of range is told the range; anything else that it is not a whole number.
        bool digits = token.TrimStart('-', '+').Length > 0 && token.TrimStart('-', '+').All(char.IsAsciiDigit);
        result.AddError(digits
            ? string.Create(CultureInfo.InvariantCulture, $"{Name(result)} takes a whole number from {T.MinValue} to {T.MaxValue}, not '{token}'.")
            : $"{Name(result)} takes a whole number, not '{token}'.");
        return false;
    }

    private static bool TryNumber(ArgumentResult result, out double value)
    {
        string token = Token(result);
        // NaN and infinity parse as doubles but are no length, rate or count: refused here, once.
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
        result.AddError($"{Name(result)} takes a number (such as 2 or 0.5), not '{token}'.");
        return false;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
