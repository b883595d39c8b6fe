using System.Diagnostics;

namespace DmaActors.DeviceTree;

/// <summary>
/// Loads a board file the way the kernel build does: a file that uses <c>#include</c> or other
/// C preprocessor directives goes through <c>cpp -nostdinc -undef -x assembler-with-cpp</c> first
/// (when cpp is installed), and the parser follows cpp's line markers so errors point into the
/// original files. A <c>.dtb</c> is read as a flattened tree.
/// </summary>
public static class DtsFile
{
    /// <summary>Reads a <c>.dts</c> or <c>.dtb</c>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="includeDirectories">Extra <c>-I</c> directories for cpp (the file's own directory is always searched).</param>
    /// <exception cref="DtsSyntaxException">The file is malformed, or needs cpp and none is installed.</exception>
    public static DtTree Load(string path, IEnumerable<string>? includeDirectories = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".dtb", StringComparison.OrdinalIgnoreCase)) return DtbReader.Read(File.ReadAllBytes(path), path);
        var text = File.ReadAllText(path);
        if (NeedsPreprocessor(text)) text = Preprocess(path, includeDirectories ?? []);
        return DtsParser.Parse(text, path);
    }

    /// <summary>Whether a line starts with a C preprocessor directive (<c>#include</c>, <c>#define</c>, <c>#if</c>...).</summary>
    public static bool NeedsPreprocessor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("#include", StringComparison.Ordinal) || trimmed.StartsWith("#define", StringComparison.Ordinal)
                || trimmed.StartsWith("#if", StringComparison.Ordinal) || trimmed.StartsWith("#undef", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Runs cpp as the kernel's dtc rule does and returns its output (with line markers).</summary>
    public static string Preprocess(string path, IEnumerable<string> includeDirectories)
    {
        ArgumentNullException.ThrowIfNull(includeDirectories);
        var start = new ProcessStartInfo("cpp") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-nostdinc", "-undef", "-x", "assembler-with-cpp", "-I", Path.GetDirectoryName(Path.GetFullPath(path)) ?? "." }) start.ArgumentList.Add(argument);
        foreach (var directory in includeDirectories)
        {
            start.ArgumentList.Add("-I");
            start.ArgumentList.Add(directory);
        }
        start.ArgumentList.Add(path);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("cpp did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new DtsSyntaxException(new SourceLocation(path, 1, 1), "this file uses C preprocessor directives (#include, #define) and 'cpp' is not installed; install cpp (Debian: apt-get install cpp) or use /include/ \"file\"");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new DtsSyntaxException(new SourceLocation(path, 1, 1), $"cpp failed ({process.ExitCode}): {errors.Result.Trim()}");
            return output;
        }
    }
}
