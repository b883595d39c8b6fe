namespace DmaActors.Mapping.Cma;

/// <summary>
/// The <c>cma=</c> boot parameter: the size of the default CMA area and, optionally, where it must
/// lie. Read exactly as <c>early_cma()</c> does: <c>size[@base[-limit]]</c>, each number by
/// <c>memparse()</c>. With a base and no limit the limit is base + size, which makes the area
/// fixed at the base (unless the base is 0, CMA-3).
/// </summary>
/// <param name="Size">Bytes (0 turns CMA off: no default area).</param>
/// <param name="Base">Lowest address (0: anywhere).</param>
/// <param name="Limit">Highest end address (0: the end of RAM).</param>
/// <remarks>Kernel: <c>size_cmdline</c>, <c>base_cmdline</c>, <c>limit_cmdline</c> in <c>kernel/dma/contiguous.c</c>.</remarks>
public sealed record CmaParameter(ulong Size, ulong Base, ulong Limit)
{
    /// <summary>Whether the area must sit exactly at <see cref="Base"/>: <c>base + size == limit</c>, as <c>dma_contiguous_reserve()</c> decides.</summary>
    public bool Fixed => Base + Size == Limit;

    /// <summary>
    /// Parses a <c>cma=</c> value. Where the kernel silently ignores what follows a number (for
    /// <c>64Q</c> it reserves 64 bytes), this refuses the string (CMA-1): a typo in a boot
    /// parameter should not become a different machine.
    /// </summary>
    /// <param name="text">The value after <c>cma=</c>.</param>
    /// <exception cref="DmaMappingException">EINVAL, CMA-1: the string, the column and what was expected.</exception>
    /// <remarks>Kernel: <c>early_cma()</c>.</remarks>
    public static CmaParameter Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
            throw new DmaMappingException("EINVAL", "CMA-1", "cma=: Config string not provided (early_cma returns -EINVAL); the form is cma=size[@base[-limit]].");
        int position = 0;
        ulong size = MemParse.Read(text, ref position, "size", "cma");
        ulong @base = 0, limit = 0;
        if (position < text.Length)
        {
            Expect(text, position, '@', "'@' and a base address after the size");
            position++;
            @base = MemParse.Read(text, ref position, "base", "cma");
            limit = unchecked(@base + size);
            if (position < text.Length)
            {
                Expect(text, position, '-', "'-' and a limit after the base");
                position++;
                limit = MemParse.Read(text, ref position, "limit", "cma");
                if (position < text.Length) Expect(text, position, '\0', "nothing after the limit");
            }
        }
        return new CmaParameter(size, @base, limit);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Limit == 0 && Base == 0 ? $"cma={Size}" : $"cma={Size}@0x{Base:x}-0x{Limit:x}";

    private static void Expect(string text, int position, char expected, string what)
    {
        if (text[position] != expected)
            throw MemParse.Malformed(text, position, "cma", $"expected {what}, found '{text[position]}' (early_cma would ignore the rest of the string)");
    }
}
