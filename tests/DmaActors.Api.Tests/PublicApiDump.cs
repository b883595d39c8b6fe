using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace DmaActors.Api.Tests;

/// <summary>
/// Writes an assembly's public surface as stable text: one header line per public type (kind,
/// full name, base type and interfaces), then one line per public or protected member, types
/// sorted by full name and members by signature (enum members by value). Nullable annotations,
/// parameter names and default values are part of the surface and are written too.
/// </summary>
internal static class PublicApiDump
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(object)] = "object",
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(char)] = "char",
        [typeof(nint)] = "nint",
        [typeof(nuint)] = "nuint",
    };

    /// <summary>The surface of <paramref name="assembly"/>, leaving out <paramref name="excludedNamespaces"/> and their children.</summary>
    public static string Of(Assembly assembly, IReadOnlyCollection<string> excludedNamespaces)
    {
        var text = new StringBuilder();
        var types = assembly.GetTypes()
            .Where(IsApi)
            .Where(t => !excludedNamespaces.Any(ns => t.Namespace == ns || (t.Namespace ?? "").StartsWith(ns + ".", StringComparison.Ordinal)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            text.Append(Header(type)).Append('\n');
            foreach (var member in Members(type)) text.Append("    ").Append(member).Append('\n');
            text.Append('\n');
        }
        // One blank line between types, none after the last: the file ends in a single newline.
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static bool IsApi(Type type) =>
        type.IsPublic || ((type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && type.DeclaringType is { } outer && IsApi(outer));

    private static bool IsApi(MethodBase? method) => method is not null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);

    private static bool IsApi(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public" : "protected";

    private static string Header(Type type)
    {
        var attributes = type.IsDefined(typeof(FlagsAttribute), false) ? "[Flags] " : "";
        string access = type.IsPublic || type.IsNestedPublic ? "public" : "protected";
        string name = FullName(type);
        if (type.IsEnum) return $"{attributes}{access} enum {name} : {TypeName(Enum.GetUnderlyingType(type))}";
        if (typeof(Delegate).IsAssignableFrom(type) && type != typeof(Delegate) && type.GetMethod("Invoke") is { } invoke)
            return $"{access} delegate {ReturnType(invoke)} {name}({Parameters(invoke)})";
        string kind = type.IsInterface ? "interface"
            : type.IsValueType ? (type.IsDefined(typeof(IsReadOnlyAttribute), false) ? "readonly " : "") + (IsRecord(type) ? "record struct" : "struct")
            : (type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "") + (IsRecord(type) ? "record" : "class");
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType)) bases.Add(TypeName(baseType));
        bases.AddRange(type.GetInterfaces().Where(i => i.IsVisible).Select(i => TypeName(i)).Order(StringComparer.Ordinal));
        return $"{access} {kind} {name}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : "")}";
    }

    /// <summary>Records carry a compiler-generated <c>&lt;Clone&gt;$</c> (classes) or <c>PrintMembers</c> (structs).</summary>
    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", Declared) is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", Declared) is { } print && print.IsDefined(typeof(CompilerGeneratedAttribute), false));

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            return type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .OrderBy(f => Convert.ToDecimal(f.GetRawConstantValue(), CultureInfo.InvariantCulture))
                .ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => $"{f.Name} = {Convert.ToString(f.GetRawConstantValue(), CultureInfo.InvariantCulture)}");
        }
        if (typeof(Delegate).IsAssignableFrom(type)) return [];
        // Sorted by kind (constructors, properties, methods, operators, fields, events), then name, then signature.
        var lines = new List<(int Kind, string Name, string Line)>();
        foreach (var ctor in type.GetConstructors(Declared).Where(IsApi))
            lines.Add((0, "", $"{Access(ctor)} {(ctor.IsStatic ? "static " : "")}{Short(type)}({Parameters(ctor)})"));
        foreach (var method in type.GetMethods(Declared).Where(IsApi).Where(m => !m.Name.StartsWith('<') && (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal))))
            lines.Add((method.IsSpecialName ? 3 : 2, method.Name, $"{Access(method)} {Modifiers(method, type)}{ReturnType(method)} {method.Name}{GenericArguments(method)}({Parameters(method)})"));
        foreach (var property in type.GetProperties(Declared))
        {
            var getter = IsApi(property.GetMethod) ? property.GetMethod : null;
            var setter = IsApi(property.SetMethod) ? property.SetMethod : null;
            var any = getter ?? setter;
            if (any is null) continue;
            bool init = setter is not null && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            string required = property.IsDefined(typeof(RequiredMemberAttribute), false) ? "required " : "";
            var indexes = property.GetIndexParameters();
            string name = indexes.Length == 0 ? property.Name : $"this[{string.Join(", ", indexes.Select(Parameter))}]";
            string accessors = (getter is null ? "" : Accessor(getter, any, "get")) + (setter is null ? "" : Accessor(setter, any, init ? "init" : "set"));
            lines.Add((1, name, $"{Access(any)} {required}{Modifiers(any, type)}{TypeName(property.PropertyType, new NullabilityInfoContext().Create(property))} {name} {{ {accessors}}}"));
        }
        foreach (var field in type.GetFields(Declared).Where(IsApi).Where(f => !f.Name.StartsWith('<')))
        {
            string modifiers = field.IsLiteral ? "const " : (field.IsStatic ? "static " : "") + (field.IsInitOnly ? "readonly " : "");
            string value = field.IsLiteral ? " = " + Literal(field.GetRawConstantValue()) : "";
            lines.Add((4, field.Name, $"{(field.IsPublic ? "public" : "protected")} {modifiers}{TypeName(field.FieldType, new NullabilityInfoContext().Create(field))} {field.Name}{value}"));
        }
        foreach (var @event in type.GetEvents(Declared))
        {
            if (@event.AddMethod is not { } add || !IsApi(add)) continue;
            lines.Add((5, @event.Name, $"{Access(add)} {Modifiers(add, type)}event {TypeName(@event.EventHandlerType!, new NullabilityInfoContext().Create(@event))} {@event.Name}"));
        }
        return lines
            .OrderBy(l => l.Kind)
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .ThenBy(l => l.Line, StringComparer.Ordinal)
            .Select(l => l.Line);
    }

    private static string Accessor(MethodInfo accessor, MethodInfo property, string word) =>
        (Access(accessor) != Access(property) ? Access(accessor) + " " : "") + word + "; ";

    private static string Modifiers(MethodInfo method, Type declaring)
    {
        if (method.IsStatic) return "static ";
        if (declaring.IsInterface) return "";
        bool overrides = method.GetBaseDefinition() != method;
        if (method.IsAbstract) return "abstract ";
        if (overrides) return method.IsFinal ? "sealed override " : "override ";
        return method.IsVirtual && !method.IsFinal ? "virtual " : "";
    }

    private static string GenericArguments(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string ReturnType(MethodInfo method) => TypeName(method.ReturnType, new NullabilityInfoContext().Create(method.ReturnParameter));

    private static string Parameters(MethodBase method)
    {
        string list = string.Join(", ", method.GetParameters().Select(Parameter));
        return method.IsDefined(typeof(ExtensionAttribute), false) ? "this " + list : list;
    }

    private static string Parameter(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        string prefix = "";
        if (type.IsByRef)
        {
            type = type.GetElementType()!;
            prefix = parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ";
        }
        if (parameter.IsDefined(typeof(ParamArrayAttribute), false)) prefix = "params ";
        string value = !parameter.HasDefaultValue ? ""
            : type.IsEnum && parameter.RawDefaultValue is { } raw ? " = " + EnumLiteral(type, raw)
            : " = " + Literal(parameter.RawDefaultValue);
        return $"{prefix}{TypeName(type, new NullabilityInfoContext().Create(parameter))} {parameter.Name}{value}";
    }

    /// <summary>An enum default as C# would write it: the member's name, or a cast of the number when no member has it.</summary>
    private static string EnumLiteral(Type type, object raw) =>
        Enum.GetName(type, Enum.ToObject(type, raw)) is { } name ? $"{type.Name}.{name}" : $"({type.Name}){Literal(raw)}";

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        char c => "'" + c + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FullName(Type type) => type.DeclaringType is { } outer ? FullName(outer) + "." + Short(type) : (type.Namespace is { } ns ? ns + "." : "") + Short(type);

    private static string Short(Type type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = name[..tick];
        if (!type.IsGenericType) return name;
        var own = type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0);
        return name + "<" + string.Join(", ", own.Select(a => TypeName(a))) + ">";
    }

    /// <summary>A type as C# writes it, without its namespace, with <c>?</c> where <paramref name="nullability"/> says so.</summary>
    private static string TypeName(Type type, NullabilityInfo? nullability = null)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return TypeName(underlying, nullability?.GenericTypeArguments.FirstOrDefault()) + "?";
        string mark = !type.IsValueType && nullability?.ReadState == NullabilityState.Nullable ? "?" : "";
        if (type.IsArray)
            return TypeName(type.GetElementType()!, nullability?.ElementType) + "[" + new string(',', type.GetArrayRank() - 1) + "]" + mark;
        if (Keywords.TryGetValue(type, out var keyword)) return keyword + mark;
        if (type.IsGenericParameter) return type.Name + mark;
        if (!type.IsGenericType) return (type.DeclaringType is { } outer ? TypeName(outer) + "." : "") + type.Name + mark;
        var arguments = type.GetGenericArguments();
        var argumentNullability = nullability?.GenericTypeArguments;
        string Argument(int i) => TypeName(arguments[i], argumentNullability is { Length: > 0 } n && i < n.Length ? n[i] : null);
        if (type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
            return "(" + string.Join(", ", arguments.Select((_, i) => Argument(i))) + ")" + mark;
        string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(", ", arguments.Select((_, i) => Argument(i))) + ">" + mark;
    }
}
