using DmaActors.Mapping;
using DmaActors.Mapping.Cma;

namespace DmaActors.Api.Tests.Mapping.Cma;

/// <summary>CMA-1: the cma= string read as early_cma() and memparse() read it.</summary>
public sealed class CmaParameterTests
{
    [Fact]
    public void Size_alone_is_a_movable_area_anywhere_CMA_1()
    {
        var cma = CmaParameter.Parse("64M");
        Assert.Equal(new CmaParameter(64UL << 20, 0, 0), cma);
        Assert.False(cma.Fixed);
    }

    [Fact]
    public void Size_at_base_is_fixed_at_that_base_with_limit_base_plus_size_CMA_1()
    {
        var cma = CmaParameter.Parse("64M@0x80000000");
        Assert.Equal(new CmaParameter(64UL << 20, 0x8000_0000, 0x8000_0000 + (64UL << 20)), cma);
        Assert.True(cma.Fixed);
    }

    [Fact]
    public void Size_at_base_dash_limit_is_placed_within_the_window_CMA_1()
    {
        var cma = CmaParameter.Parse("64M@0x80000000-0xa0000000");
        Assert.Equal(new CmaParameter(64UL << 20, 0x8000_0000, 0xA000_0000), cma);
        Assert.False(cma.Fixed);
    }

    [Theory]
    [InlineData("4096", 4096UL)]
    [InlineData("1k", 1UL << 10)]
    [InlineData("1K", 1UL << 10)]
    [InlineData("2g", 2UL << 30)]
    [InlineData("1T", 1UL << 40)]
    [InlineData("1p", 1UL << 50)]
    [InlineData("1E", 1UL << 60)]
    [InlineData("0x10M", 16UL << 20)]
    [InlineData("010M", 8UL << 20)]   // a leading 0 is octal, as simple_strtoull(base 0) reads it
    [InlineData("0", 0UL)]            // cma=0 turns CMA off
    public void Memparse_reads_radix_prefixes_and_binary_suffixes_CMA_1(string text, ulong size)
    {
        Assert.Equal(size, CmaParameter.Parse(text).Size);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("M", 1)]
    [InlineData("64Q", 3)]
    [InlineData("64M@", 5)]
    [InlineData("64M@0x80000000-", 16)]
    [InlineData("64M-0x1000", 4)]
    [InlineData("64M@@1", 5)]
    [InlineData("64M@0x80000000-0xa0000000x", 26)]
    [InlineData("16E", 1)]
    [InlineData("99999999999999999999", 1)]
    public void Malformed_strings_throw_naming_the_string_the_column_and_the_rule_CMA_1(string text, int column)
    {
        var e = Assert.Throws<DmaMappingException>(() => CmaParameter.Parse(text));
        Assert.Equal("EINVAL", e.Errno);
        Assert.Equal("CMA-1", e.Rule);
        Assert.Contains("cma=", e.Message, StringComparison.Ordinal);
        if (text.Length > 0)
        {
            Assert.Contains($"\"{text}\"", e.Message, StringComparison.Ordinal);
            Assert.Contains($"column {column}", e.Message, StringComparison.Ordinal);
        }
    }
}
