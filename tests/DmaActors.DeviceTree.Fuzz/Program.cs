using System.Buffers.Binary;
using System.Text;
using SharpFuzz;

namespace DmaActors.DeviceTree.Fuzz;

/// <summary>
/// afl++'s target, through SharpFuzz: an input that starts with the DTB magic is read as a blob,
/// any other as DTS text (UTF-8), so one campaign covers the lexer, the parser and the blob
/// reader. A refusal (<see cref="DtsSyntaxException"/>) is the expected end of a bad input; any
/// other exception escapes, and afl++ records the input as a crash; a hang is afl++'s time-out.
/// <c>/include/</c>s read nothing from disk: every one is a missing file.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 1)
        {
            // Replay one input (a crash afl++ saved) outside afl++, with the exception shown.
            Run(File.ReadAllBytes(args[0]));
            return;
        }
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Run(copy.ToArray());
        });
    }

    private static void Run(byte[] input)
    {
        try
        {
            if (input.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(input) == 0xd00dfeed) DtbReader.Read(input, "fuzz.dtb");
            else DtsParser.Parse(Encoding.UTF8.GetString(input), "fuzz.dts", (_, name) => throw new FileNotFoundException(name));
        }
        catch (DtsSyntaxException)
        {
        }
    }
}
