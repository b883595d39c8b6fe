namespace DmaActors.Mapping.Cma;

/// <summary>
/// The kernel's <c>memparse()</c>: a number as <c>simple_strtoull(s, &amp;end, 0)</c> reads it
/// (<c>0x</c> prefix hexadecimal, a leading <c>0</c> octal, else decimal), then one optional
/// binary suffix K, M, G, T, P or E (either case), each a further factor of 1024.
/// </summary>
/// <remarks>
/// Kernel: <c>lib/cmdline.c</c> <c>memparse()</c> over <c>lib/vsprintf.c</c> <c>simple_strtoull()</c>.
/// Deviations, both reported as malformed input (CMA-1) instead of a silent wrong value: no digit
/// at all (the kernel reads 0), and overflow of 64 bits (the kernel wraps).
/// </remarks>
internal static class MemParse
{
    /// <summary>Reads a memparse number at <paramref name="position"/> of <paramref name="text"/>; advances past it.</summary>
    /// <param name="text">The whole parameter value (for messages).</param>
    /// <param name="position">Where the number starts; on return, the first character after it.</param>
    /// <param name="what">What the number is (size, base, limit), for messages.</param>
    /// <param name="parameter">The boot parameter's name, for messages (<c>cma</c>).</param>
    public static ulong Read(string text, ref int position, string what, string parameter)
    {
        int start = position;
        int radix = 10;
        if (At(text, position) == '0')
        {
            radix = 8;
            if (char.ToLowerInvariant(At(text, position + 1)) == 'x' && Uri.IsHexDigit(At(text, position + 2)))
            {
                radix = 16;
                position += 2;
            }
        }
        int digitsStart = position;
        ulong value = 0;
        while (position < text.Length && DigitValue(text[position], radix) is int digit)
        {
            value = Checked(text, start, what, parameter, () => checked((value * (ulong)radix) + (ulong)digit));
            position++;
        }
        if (position == digitsStart)
            throw Malformed(text, start, parameter, $"expected the {what} as a number (decimal, 0x-prefixed hexadecimal or 0-prefixed octal), found {Describe(text, start)}");
        int shifts = char.ToUpperInvariant(At(text, position)) switch
        {
            'K' => 1, 'M' => 2, 'G' => 3, 'T' => 4, 'P' => 5, 'E' => 6, _ => 0,
        };
        if (shifts > 0)
        {
            position++;
            for (int i = 0; i < shifts; i++) value = Checked(text, start, what, parameter, () => checked(value * 1024));
        }
        return value;
    }

    /// <summary>A CMA-1 exception naming the parameter, the position (1-based column) and the rule.</summary>
    public static DmaMappingException Malformed(string text, int position, string parameter, string why) =>
        new("EINVAL", "CMA-1", $"{parameter}=\"{text}\" at column {position + 1}: {why}; the form is {parameter}=size[@base[-limit]] with memparse suffixes K, M, G, T, P, E (early_cma).");

    private static string Describe(string text, int position) =>
        position >= text.Length ? "the end of the string" : $"'{text[position]}'";

    private static char At(string text, int position) => position < text.Length ? text[position] : '\0';

    private static int? DigitValue(char c, int radix)
    {
        int value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => 99,
        };
        return value < radix ? value : null;
    }

    private static ulong Checked(string text, int start, string what, string parameter, Func<ulong> step)
    {
        try
        {
            return step();
        }
        catch (OverflowException)
        {
            throw Malformed(text, start, parameter, $"the {what} does not fit in 64 bits (the kernel would wrap it silently)");
        }
    }
}
