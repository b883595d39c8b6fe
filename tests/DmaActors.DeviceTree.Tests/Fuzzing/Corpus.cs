namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>
/// The seeds the fuzzers mutate: every board of the project (<c>examples/**/*.dts</c>,
/// <c>tests/boards/**/*.dts*</c>, and, where cpp is installed, the cpp output of those that need
/// it, line markers and all) and snippets that between them use every construct the parser knows.
/// </summary>
internal static class Corpus
{
    // First: static initialisers run in order, and the sources below read these.
    /// <summary>Snippets: expressions, sized cells, byte strings, escapes, references, labels, merges, deletions, includes.</summary>
    public static readonly string[] Snippets =
    [
        "/dts-v1/;\n/memreserve/ 0x80000000 0x1000;\n/ {\n\tmodel = \"a\\tb\\x41\\101\\\"\";\n\tc = <(1 + 2 * 3) (~0 >> 4) (1 ? 2 : 3) ((5 - 7) & 0xff) (!0) (-1) 'a' '\\n'>;\n\tb16 = /bits/ 16 <0x1234 (-2)>;\n\tb64 = /bits/ 64 <0x123456789abcdef0>;\n\tbytes = [de ad be ef 00];\n\tmixed = <1>, \"s\", [01], <&x>, &{/x@1};\n\tflag;\n\tx: x@1 { phandle = <7>; y = <&x 1 &x>; };\n};\n&x { extra; };\n",
        "/dts-v1/;\n/ {\n\t#address-cells = <2>; #size-cells = <1>;\n\tbus@10000000 {\n\t\t#address-cells = <1>; #size-cells = <1>;\n\t\tranges = <0 0 0x10000000 0x100000>;\n\t\tuart0: serial@2000 { reg = <0x2000 0x100>; };\n\t};\n\tgone { old = <1>; };\n};\n/delete-node/ &{/gone};\n/ { bus@10000000 { /delete-property/ ranges; ranges; }; aliases { serial0 = &uart0; }; };\n",
        "/dts-v1/;\n/plugin/;\n/ {\n\tlabel1: label2: n { a: p = <1>; };\n\tm { ref = <&label1>, <&label2>; path = &label1; };\n};\nlabel3: &label1 { q; };\n/delete-node/ &label3;\n",
        "/dts-v1/;\n/include/ \"tour.dts\"\n/ { spi@48030000 { status = \"disabled\"; }; };\n",
        "/dts-v1/;\n// a comment\n/* a\n   block */\n/ {\n#address-cells = <1>;\n\t1wire@0 { reg = <0>; };\n\tp?#*,x;\n\tnode-with,odd_chars.+x { };\n};\n",
    ];

    /// <summary>The repository's root, found from the test's build output upwards.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every seed source, by name.</summary>
    public static IReadOnlyList<(string Name, string Text)> Sources { get; } = LoadSources();

    /// <summary>The sources that parse, as trees (the seeds of the blob fuzzer and the round trips).</summary>
    public static IReadOnlyList<(string Name, DtTree Tree)> Trees { get; } = Sources
        .Select(s => (s.Name, Tree: TryParse(s.Text, s.Name)))
        .Where(s => s.Tree is not null)
        .Select(s => (s.Name, s.Tree!))
        .ToList();

    /// <summary>The texts of the sources that parse.</summary>
    public static IReadOnlyList<string> Parseable { get; } = Sources.Where(s => Trees.Any(t => t.Name == s.Name)).Select(s => s.Text).ToList();

    /// <summary>An <c>/include/</c> reader for fuzzed text: a name of the corpus gives its text (possibly the includer itself: a cycle); any other name is missing.</summary>
    public static string ReadInclude(string includer, string name) =>
        Sources.FirstOrDefault(s => s.Name.EndsWith(name, StringComparison.Ordinal)).Text ?? throw new FileNotFoundException($"no '{name}' in the fuzzing corpus");

    private static List<(string Name, string Text)> LoadSources()
    {
        var files = new[] { "examples", Path.Combine("tests", "boards") }
            .Select(d => Path.Combine(Root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.dts*", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        var sources = files.Select(f => (Name: Path.GetRelativePath(Root, f), Text: File.ReadAllText(f))).ToList();
        foreach (var (name, text) in sources.ToList())
        {
            if (!DtsFile.NeedsPreprocessor(text) || !name.EndsWith(".dts", StringComparison.Ordinal)) continue;
            try
            {
                var options = new DtsLoadOptions { IncludeDirectories = [Path.Combine(Root, "tests", "boards", "include")] };
                sources.Add((name + ".cpp", DtsFile.Preprocess(Path.Combine(Root, name), options)));
            }
            catch (DtsSyntaxException)
            {
                // No cpp here, or the board is one of the include-cycle tests: its text is a seed anyway.
            }
        }
        sources.AddRange(Snippets.Select((s, i) => ($"snippet{i}.dts", s)));
        return sources;
    }

    private static DtTree? TryParse(string text, string name)
    {
        try
        {
            return DtsParser.Parse(text, name, ReadInclude);
        }
        catch (Exception e) when (e is DtsSyntaxException or FileNotFoundException)
        {
            return null;
        }
    }

    private static string FindRoot()
    {
        for (var at = new DirectoryInfo(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            if (File.Exists(Path.Combine(at.FullName, "DmaActors.sln"))) return at.FullName;
        }
        throw new DirectoryNotFoundException($"DmaActors.sln not found above {AppContext.BaseDirectory}");
    }
}
