using System.Text;

namespace DmaActors.DeviceTree;

/// <summary>What kind of token the lexer found.</summary>
internal enum DtsTokenKind
{
    Word,
    Number,
    String,
    CharLiteral,
    Punct,
    Directive,
    End,
}

/// <summary>
/// One token with its position. Its text is a slice of the source, cut out only when asked for:
/// a 20 MB cell list is millions of number tokens whose text nobody reads.
/// </summary>
internal readonly struct DtsToken
{
    private readonly string? _source;
    private readonly int _start;
    private readonly int _length;
    private readonly byte[]? _bytes;

    /// <summary>A token whose text is <paramref name="length"/> characters of <paramref name="source"/> from <paramref name="start"/>.</summary>
    public DtsToken(DtsTokenKind kind, string source, int start, int length, SourceLocation location, ulong number = 0)
    {
        Kind = kind;
        _source = source;
        _start = start;
        _length = length;
        Location = location;
        Number = number;
    }

    /// <summary>A string literal: its value as dtc stores it (UTF-8 for characters written as they are, the very byte for an escape).</summary>
    public DtsToken(byte[] bytes, SourceLocation location)
    {
        Kind = DtsTokenKind.String;
        _bytes = bytes;
        Location = location;
    }

    /// <summary>The end of the input.</summary>
    public static DtsToken End(SourceLocation location) => new(DtsTokenKind.End, "", 0, 0, location);

    public DtsTokenKind Kind { get; }

    public SourceLocation Location { get; }

    /// <summary>A number's value; a character literal's byte.</summary>
    public ulong Number { get; }

    /// <summary>A string literal's bytes (without the terminating NUL).</summary>
    public byte[] Bytes => _bytes ?? [];

    /// <summary>The token as written; a string literal's value as text.</summary>
    public string Text => _bytes is not null ? Encoding.UTF8.GetString(_bytes) : _source?.Substring(_start, _length) ?? "";

    /// <summary>Whether the token is exactly <paramref name="text"/>, without cutting its text out.</summary>
    public bool Is(string text) => _bytes is null && _source is not null && _length == text.Length && string.CompareOrdinal(_source, _start, text, 0, _length) == 0;
}
