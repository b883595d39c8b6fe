namespace DmaActors.DeviceTree;

// Cell expressions: dtc's C integer expressions (unary - ~ !, the binary operators by C's
// precedence, and ?:), evaluated in 64 bits by operator precedence with two explicit stacks, so
// 100,000 nested parentheses or '~'s cost memory in proportion and never the thread's stack.
public sealed partial class DtsParser
{
    /// <summary>Marks an open parenthesis on the operator stack: nothing reduces past it.</summary>
    private const int Parenthesis = -2;

    /// <summary>'?' and ':' bind loosest and to the right: <c>a ? b : c ? d : e</c> is <c>a ? b : (c ? d : e)</c>.</summary>
    private const int Conditional = -1;

    /// <summary>Prefix operators bind tightest.</summary>
    private const int Prefix = 100;

    /// <summary>Binary operators by C's precedence, loosest first (the index is the precedence).</summary>
    private static readonly string[][] Binary =
    [
        ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"],
    ];

    /// <summary>After '(': a C integer expression up to the matching ')', which is left as the current token.</summary>
    private ulong ParseParenthesised()
    {
        bool outer = _inExpression;
        _inExpression = true;
        try
        {
            var values = new Stack<ulong>();
            var operators = new Stack<(string Op, int Precedence, SourceLocation At)>();
            operators.Push(("(", Parenthesis, _token.Location));
            bool operand = true;
            while (true)
            {
                Advance();
                var at = _token.Location;
                if (operand)
                {
                    if (_token.Kind is DtsTokenKind.Number or DtsTokenKind.CharLiteral)
                    {
                        values.Push(_token.Number);
                        operand = false;
                    }
                    else if (IsPunct("-") || IsPunct("~") || IsPunct("!")) operators.Push((_token.Text, Prefix, at));
                    else if (IsPunct("(")) operators.Push(("(", Parenthesis, at));
                    else throw Error($"expected a number in an expression but found '{Describe(_token)}'");
                    continue;
                }
                if (IsPunct(")"))
                {
                    Reduce(values, operators, Parenthesis);
                    if (operators.Pop().Op != "(") throw Error("'?' without its ':' in an expression");
                    if (operators.Count == 0) return values.Pop();
                }
                else if (IsPunct("?"))
                {
                    Reduce(values, operators, Conditional);
                    operators.Push(("?", Conditional, at));
                    operand = true;
                }
                else if (IsPunct(":"))
                {
                    // Everything since the matching '?', inner conditionals included.
                    Reduce(values, operators, Parenthesis);
                    if (operators.Peek().Op != "?") throw Error("':' without a '?' before it in an expression");
                    operators.Pop();
                    operators.Push((":", Conditional, at));
                    operand = true;
                }
                else if (_token.Kind == DtsTokenKind.Punct && BinaryPrecedence(_token) is >= 0 and var precedence)
                {
                    // Left-associative: what binds as tight or tighter is done first.
                    Reduce(values, operators, precedence - 1);
                    operators.Push((_token.Text, precedence, at));
                    operand = true;
                }
                else
                {
                    throw Error($"expected an operator or ')' in an expression but found '{Describe(_token)}'");
                }
            }
        }
        finally
        {
            _inExpression = outer;
        }
    }

    private static int BinaryPrecedence(DtsToken token)
    {
        for (int level = 0; level < Binary.Length; level++)
        {
            foreach (var op in Binary[level])
            {
                if (token.Is(op)) return level;
            }
        }
        return -1;
    }

    /// <summary>Applies the stacked operators that bind tighter than <paramref name="above"/>; an open '?' or '(' stops it.</summary>
    private static void Reduce(Stack<ulong> values, Stack<(string Op, int Precedence, SourceLocation At)> operators, int above)
    {
        while (operators.Peek() is var (op, precedence, at) && precedence > above && op != "?")
        {
            operators.Pop();
            if (precedence == Prefix)
            {
                ulong operand = values.Pop();
                values.Push(op switch { "-" => unchecked(0 - operand), "~" => ~operand, _ => operand == 0 ? 1UL : 0UL });
            }
            else if (op == ":")
            {
                ulong otherwise = values.Pop(), then = values.Pop(), condition = values.Pop();
                values.Push(condition != 0 ? then : otherwise);
            }
            else
            {
                ulong right = values.Pop(), left = values.Pop();
                values.Push(Apply(op, left, right, at));
            }
        }
    }

    private static ulong Apply(string op, ulong a, ulong b, SourceLocation at) => op switch
    {
        "||" => (a != 0 || b != 0) ? 1UL : 0UL,
        "&&" => (a != 0 && b != 0) ? 1UL : 0UL,
        "|" => a | b,
        "^" => a ^ b,
        "&" => a & b,
        "==" => a == b ? 1UL : 0UL,
        "!=" => a != b ? 1UL : 0UL,
        "<" => a < b ? 1UL : 0UL,
        ">" => a > b ? 1UL : 0UL,
        "<=" => a <= b ? 1UL : 0UL,
        ">=" => a >= b ? 1UL : 0UL,
        "<<" => b >= 64 ? 0 : a << (int)b,
        ">>" => b >= 64 ? 0 : a >> (int)b,
        "+" => unchecked(a + b),
        "-" => unchecked(a - b),
        "*" => unchecked(a * b),
        _ when b == 0 => throw new DtsSyntaxException(at, $"division by zero in '{op}' (dtc: \"Division by zero\")"),
        "/" => a / b,
        _ => a % b,
    };
}
