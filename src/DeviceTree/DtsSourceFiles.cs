using System.Text;

namespace DmaActors.DeviceTree;

/// <summary>
/// Reads board files and <c>/include/</c>d files from disk. Every failure (no such file, a
/// directory, no permission, a file past the size limit, a name that is no path) becomes a
/// <see cref="DtsSyntaxException"/> at the place that asked for the file.
/// </summary>
internal static class DtsSourceFiles
{
    /// <summary>dtc's <c>srcfile_relative_open</c>: an absolute name as it is, else the including file's directory, then each search directory.</summary>
    public static (string Path, string Text) ReadInclude(string includer, string name, IReadOnlyList<string> searchDirectories, SourceLocation at)
    {
        try
        {
            var own = Path.GetDirectoryName(Path.GetFullPath(includer)) ?? ".";
            var candidates = Path.IsPathRooted(name) ? [name] : new[] { own }.Concat(searchDirectories).Select(d => Path.Combine(d, name)).ToList();
            foreach (var candidate in candidates)
            {
                if (Directory.Exists(candidate)) throw new DtsSyntaxException(at, $"/include/ \"{name}\": '{candidate}' is a directory, not a file");
                if (!File.Exists(candidate)) continue;
                var path = Path.GetFullPath(candidate);
                return (path, ReadText(path, at, "included file"));
            }
            var looked = Path.IsPathRooted(name) ? name : string.Join(", ", new[] { own }.Concat(searchDirectories));
            throw new DtsSyntaxException(at, $"/include/ \"{name}\": no such file (looked in {looked}; add a directory with -i DIR, as dtc takes it)");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DtsSyntaxException(at, $"/include/ \"{name}\": not a usable file name ({e.Message})");
        }
    }

    /// <summary>
    /// The text of <paramref name="path"/>, read no further than <see cref="DtsParser.MaxSourceChars"/>
    /// characters (a device such as /dev/zero never ends).
    /// </summary>
    public static string ReadText(string path, SourceLocation at, string what)
    {
        try
        {
            if (Directory.Exists(path)) throw new DtsSyntaxException(at, $"{what} '{path}' is a directory, not a file");
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[64 * 1024];
            var text = new StringBuilder();
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (text.Length + read > DtsParser.MaxSourceChars)
                    throw new DtsSyntaxException(at, $"{what} '{path}' is larger than {DtsParser.MaxSourceChars >> 20} Mi characters, the limit for one device-tree source file");
                text.Append(buffer, 0, read);
            }
            return text.ToString();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DtsSyntaxException(at, $"cannot read {what} '{path}': {e.Message}");
        }
    }

    /// <summary>The bytes of a blob at <paramref name="path"/>, refused past <paramref name="limit"/> bytes.</summary>
    public static byte[] ReadBytes(string path, int limit)
    {
        var at = new SourceLocation(path, 0, 0);
        try
        {
            if (Directory.Exists(path)) throw new DtsSyntaxException(at, $"'{path}' is a directory, not a device-tree blob");
            using var stream = File.OpenRead(path);
            using var bytes = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (bytes.Length + read > limit) throw new DtsSyntaxException(at, $"'{path}' is larger than {limit >> 20} MiB, the limit for a device-tree blob");
                bytes.Write(buffer, 0, read);
            }
            return bytes.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DtsSyntaxException(at, $"cannot read '{path}': {e.Message}");
        }
    }
}
