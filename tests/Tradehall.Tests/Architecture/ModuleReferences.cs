using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Tradehall.Tests.Architecture;

/// <summary>One use of something outside a type's own module: a type, or a table named in SQL text.</summary>
public sealed record ModuleReference(string FromModule, string FromType, string ToModule, string Target, bool IsTable);

/// <summary>
/// Reads the compiled core library and lists, for every type, what it uses of other modules: types in
/// signatures, bodies and generic arguments, and table names in string constants. Nested and
/// compiler-generated types (lambdas, async state machines) count as their outermost declaring type.
/// </summary>
public static class ModuleReferences
{
    public const string Root = "Tradehall.Core.";
    public const string MigrationsNamespace = "Tradehall.Core.Data.Migrations";

    /// <summary>Which module owns a table, by its name's prefix.</summary>
    public static readonly IReadOnlyDictionary<string, string> TablePrefixes = new Dictionary<string, string>
    {
        ["accounts_"] = "Accounts",
        ["legal_"] = "Legal",
        ["archive_"] = "Archive",
        ["notifications_"] = "Notifications",
        ["billing_"] = "Billing",
        ["documents_"] = "Documents",
        ["network_"] = "Network",
        ["messaging_"] = "Messaging",
        ["marketplace_"] = "Marketplace",
        ["analytics_"] = "Analytics",
        ["privacy_"] = "Privacy",
        ["moderation_"] = "Moderation",
        ["hosting_"] = "Data",
        ["jobs_"] = "Data",
    };

    public static ModuleDefinition Load(string assemblyPath) =>
        ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { ReadSymbols = false });

    public static string? ModuleOf(string? fullName)
    {
        if (fullName is null || !fullName.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = fullName[Root.Length..];
        var end = rest.IndexOfAny(['.', '/', '`']);
        return end < 0 ? rest : rest[..end];
    }

    public static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type;
    }

    public static IEnumerable<ModuleReference> Collect(ModuleDefinition module)
    {
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            var from = ModuleOf(owner.FullName);
            if (from is null)
            {
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var target in TypesUsedBy(type))
            {
                var resolved = Outer(target);
                var to = ModuleOf(resolved);
                if (to is not null && to != from && seen.Add(resolved))
                {
                    yield return new ModuleReference(from, owner.FullName, to, resolved, IsTable: false);
                }
            }
            foreach (var text in StringsIn(type))
            {
                foreach (var (prefix, owning) in TablePrefixes)
                {
                    if (owning != from && NamesTable(text, prefix) is { } table && seen.Add(table))
                    {
                        yield return new ModuleReference(from, owner.FullName, owning, table, IsTable: true);
                    }
                }
            }
        }
    }

    /// <summary>A table name in SQL or mapping text: the prefix at the start of a word, followed by a name.</summary>
    private static string? NamesTable(string text, string prefix)
    {
        var at = 0;
        while ((at = text.IndexOf(prefix, at, StringComparison.Ordinal)) >= 0)
        {
            var startsWord = at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '_' or '.');
            var end = at + prefix.Length;
            while (end < text.Length && (char.IsAsciiLetterLower(text[end]) || char.IsAsciiDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }
            if (startsWord && end > at + prefix.Length)
            {
                return text[at..end];
            }
            at = end;
        }
        return null;
    }

    private static string Outer(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type.FullName;
    }

    private static List<TypeReference> TypesUsedBy(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null:
                    return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments)
                    {
                        Add(a);
                    }
                    return;
                case TypeSpecification s:
                    Add(s.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }
        void AddMethod(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters)
            {
                Add(p.ParameterType);
            }
            if (m is GenericInstanceMethod gm)
            {
                foreach (var a in gm.GenericArguments)
                {
                    Add(a);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType);
        }
        foreach (var f in type.Fields)
        {
            Add(f.FieldType);
        }
        foreach (var p in type.Properties)
        {
            Add(p.PropertyType);
        }
        foreach (var e in type.Events)
        {
            Add(e.EventType);
        }
        foreach (var m in type.Methods)
        {
            AddMethod(m);
            if (!m.HasBody)
            {
                continue;
            }
            foreach (var v in m.Body.Variables)
            {
                Add(v.VariableType);
            }
            foreach (var ins in m.Body.Instructions)
            {
                switch (ins.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference mr:
                        AddMethod(mr);
                        break;
                    case FieldReference fr:
                        Add(fr.DeclaringType);
                        Add(fr.FieldType);
                        break;
                }
            }
        }
        return found;
    }

    private static IEnumerable<string> StringsIn(TypeDefinition type) =>
        type.Methods.Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode == OpCodes.Ldstr)
            .Select(i => (string)i.Operand);
}
