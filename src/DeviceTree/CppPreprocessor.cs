using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DmaActors.DeviceTree;

/// <summary>
/// Runs the C preprocessor as the kernel's <c>dtc_cpp</c> rule does
/// (<c>cpp -nostdinc -I … -undef -D__DTS__ -x assembler-with-cpp</c>) and turns its failures into
/// <see cref="DtsSyntaxException"/>s that say where (file:line:column), what, and, for a cycle or
/// runaway nesting of <c>#include</c>s, the chain of files.
/// </summary>
internal static partial class CppPreprocessor
{
    public static string Run(string path, DtsLoadOptions options)
    {
        var start = new ProcessStartInfo("cpp") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-nostdinc", "-undef", "-D__DTS__", "-x", "assembler-with-cpp" }) start.ArgumentList.Add(argument);
        foreach (var define in options.Defines)
        {
            if (define.Length == 0 || define.StartsWith('=')) throw new DtsSyntaxException(new SourceLocation(path, 1, 1), $"-D '{define}' names no macro: write -D NAME or -D NAME=VALUE");
            start.ArgumentList.Add("-D" + define);
        }
        // The user's directories first, as the kernel's; the board file's own directory last, so a
        // board next to its .dtsi files needs no -I (cpp looks there for "…" includes anyway).
        foreach (var directory in options.IncludeDirectories.Append(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "."))
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
            // Both pipes drain at once: cpp blocks writing to a full one.
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw Failure(path, options, process.ExitCode, errors.Result);
            return output;
        }
    }

    /// <summary>cpp's first error, where it is, and the chain of includes that led there when that is the problem.</summary>
    internal static DtsSyntaxException Failure(string path, DtsLoadOptions options, int exitCode, string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var error = lines.Select(l => ErrorLine().Match(l)).FirstOrDefault(m => m.Success);
        if (error is null) return new DtsSyntaxException(new SourceLocation(path, 1, 1), $"cpp failed ({exitCode}): {stderr.Trim()}");
        var at = new SourceLocation(error.Groups["file"].Value, int.Parse(error.Groups["line"].Value, CultureInfo.InvariantCulture), int.Parse(error.Groups["column"].Value, CultureInfo.InvariantCulture));
        string message = error.Groups["message"].Value;
        // "In file included from b.dtsi:2, from a.dtsi:1, …, from board.dts:2:" lists the innermost includer first.
        var chain = lines.Select(l => IncludedFrom().Match(l)).Where(m => m.Success).Select(m => $"{m.Groups["file"].Value}:{m.Groups["line"].Value}").Reverse().ToList();
        if (message.Contains("nested depth", StringComparison.Ordinal)) return new DtsSyntaxException(at, Nesting(chain, at.File, message));
        if (message.Contains("No such file or directory", StringComparison.Ordinal))
        {
            var where = options.IncludeDirectories.Count == 0 ? "no -I directory was given" : "-I " + string.Join(", -I ", options.IncludeDirectories);
            message += $" ({where}; the kernel's headers are found with -I <linux>/include, its .dtsi files with -I <linux>/arch/<arch>/boot/dts)";
        }
        return new DtsSyntaxException(at, chain.Count == 0 ? message : $"{message} (included from {string.Join(" → ", chain)})");
    }

    /// <summary>A cycle: the first file that comes round again, and the files in between; else plain runaway depth. Files by name (the error's location has the full path).</summary>
    private static string Nesting(List<string> chain, string innermost, string message)
    {
        var files = chain.Select(c => c[..c.LastIndexOf(':')]).Append(innermost).ToList();
        var shortChain = chain.Select(c => Path.GetFileName(c)).ToList();
        for (int j = 1; j < files.Count; j++)
        {
            int i = files.IndexOf(files[j]);
            if (i < j)
                return $"#include cycle: {string.Join(" → ", shortChain.Skip(i).Take(j - i))} → {Path.GetFileName(files[j])} again (cpp gave up: {message})";
        }
        return $"#includes nested too deep: {string.Join(" → ", shortChain.Take(3))} → … → {string.Join(" → ", shortChain.TakeLast(2))} → {Path.GetFileName(innermost)} ({message})";
    }

    [GeneratedRegex(@"^(?<file>[^:\s][^:]*):(?<line>\d+):(?<column>\d+): (?:fatal )?error: (?<message>.*)$")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^(?:In file included from|from) (?<file>.+):(?<line>\d+)[,:]$")]
    private static partial Regex IncludedFrom();
}
