namespace DmaActors.Architecture.Tests;

/// <summary>
/// One kernel vocabulary (issue 14, item 9): each enum of <c>include/linux/dmaengine.h</c> that both
/// the façade and the hardware model need is declared once, in DmaActors.Api.Abstractions, and no
/// other assembly of the product declares a twin of it.
/// </summary>
public sealed class VocabularyTests
{
    private static readonly Layer Vocabulary = Layer.All.Single(l => l.Name == "Api.Abstractions");

    public static TheoryData<string> OtherLayers() => [.. Layer.All.Where(l => l != Vocabulary).Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(OtherLayers))]
    public void No_assembly_declares_a_twin_of_a_kernel_vocabulary_enum(string name)
    {
        var layer = Layer.All.Single(l => l.Name == name);
        var vocabulary = Vocabulary.Assembly.GetExportedTypes().Where(t => t.IsEnum).ToList();

        // A twin: the same type name without its prefix, three or more members with the same name
        // and value, or flags with the same bits.
        var twins = (from candidate in layer.Assembly.GetTypes().Where(t => t.IsEnum)
                     from kernel in vocabulary
                     where IsTwin(candidate, kernel)
                     select $"{candidate.FullName} (twin of {kernel.FullName})").ToList();

        Assert.True(twins.Count == 0, $"Declare the kernel's vocabulary once, in DmaActors.Api.Abstractions, and use it: {string.Join(", ", twins)}");
    }

    [Fact]
    public void Each_kernel_enum_name_exists_once_in_the_product()
    {
        var names = Layer.All.SelectMany(l => l.Assembly.GetExportedTypes()).Where(t => t.IsEnum).GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g.Select(t => t.FullName))).ToList();

        Assert.True(names.Count == 0, $"Enums of the same name in two namespaces (CS0104 for whoever imports both): {string.Join("; ", names)}");
    }

    private static bool IsTwin(Type candidate, Type kernel)
    {
        if (candidate == kernel) return false;
        string bare = kernel.Name.StartsWith("Dmaengine", StringComparison.Ordinal) ? kernel.Name["Dmaengine".Length..] : kernel.Name.StartsWith("Dma", StringComparison.Ordinal) ? kernel.Name[3..] : kernel.Name;
        if (candidate.Name == kernel.Name || candidate.Name == bare) return true;
        var members = Members(kernel).ToHashSet();
        int shared = Members(candidate).Count(members.Contains);
        if (shared >= 3) return true;
        // Flags renamed member by member (DMA_PREP_INTERRUPT as "Interrupt"): the same bits.
        return candidate.IsDefined(typeof(FlagsAttribute), false) && kernel.IsDefined(typeof(FlagsAttribute), false)
            && members.Count >= 4 && Members(candidate).Select(m => m.Value).ToHashSet().SetEquals(members.Select(m => m.Value));
    }

    private static IEnumerable<(string Name, long Value)> Members(Type type) =>
        Enum.GetNames(type).Select(n => (n, Convert.ToInt64(Enum.Parse(type, n), System.Globalization.CultureInfo.InvariantCulture)));
}
