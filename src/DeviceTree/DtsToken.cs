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

/// <summary>One token with its position.</summary>
internal readonly record struct DtsToken(DtsTokenKind Kind, string Text, SourceLocation Location, ulong Number = 0);
