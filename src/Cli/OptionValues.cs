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

    public static double Number(ArgumentResult result) => TryNumber(result, out double value) ? value : default;

    public static double? OptionalNumber(ArgumentResult result) => TryNumber(result, out double value) ? value : null;

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
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        result.AddError($"{Name(result)} takes a number (such as 2 or 0.5), not '{token}'.");
        return false;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
