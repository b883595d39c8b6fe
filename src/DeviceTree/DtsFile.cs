using System.Diagnostics;

namespace DmaActors.DeviceTree;

/// <summary>
/// Loads a board file the way the kernel build does: a file that uses <c>#include</c> or other
/// C preprocessor directives, or that is given macros, goes through
/// <c>cpp -nostdinc -I … -undef -D__DTS__ -x assembler-with-cpp</c> first (when cpp is installed),
/// and the parser follows cpp's line markers so errors point into the original files;
/// <c>/include/</c> is then resolved as dtc resolves it (the including file's directory, then
/// <c>-i</c> directories). A <c>.dtb</c> is read as a flattened tree.
/// </summary>
public static class DtsFile
{
    /// <summary>Reads a <c>.dts</c> or <c>.dtb</c>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">cpp's <c>-I</c> and <c>-D</c>, dtc's <c>-i</c>; null: none.</param>
    /// <exception cref="DtsSyntaxException">The file is malformed, cannot be read (missing, a directory, past the size limit), an include is missing or nests in a cycle, or the file needs cpp and none is installed.</exception>
    public static DtTree Load(string path, DtsLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= DtsLoadOptions.None;
        if (path.EndsWith(".dtb", StringComparison.OrdinalIgnoreCase)) return DtbReader.Read(DtsSourceFiles.ReadBytes(path, DtbReader.MaxBlobBytes), path);
        var text = DtsSourceFiles.ReadText(path, new SourceLocation(path, 1, 1), "board file");
        if (NeedsPreprocessor(text) || options.Defines.Count > 0) text = Preprocess(path, options);
        return DtsParser.Parse(text, path, options);
    }

    /// <summary>Whether a line starts with a C preprocessor directive (<c>#include</c>, <c>#define</c>, <c>#if</c>...; not a property such as <c>#interrupt-cells</c>).</summary>
    public static bool NeedsPreprocessor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (DtsLexer.IsCppDirective(line.TrimStart())) return true;
        }
        return false;
    }

    /// <summary>Runs cpp as the kernel's dtc rule does and returns its output (with line markers).</summary>
    /// <exception cref="DtsSyntaxException">cpp is missing, or failed: the message gives its first error's file:line:column, and the chain of files for an include cycle.</exception>
    public static string Preprocess(string path, DtsLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return CppPreprocessor.Run(path, options);
    }
}
