using System.Text.RegularExpressions;
using Mono.Cecil;
using Tradehall.Core.Data;
using Tradehall.Core.Shared;

namespace Tradehall.Tests.Architecture;

/// <summary>
/// The modules of the core library keep to their boundaries (docs/architecture.md): another module is used only
/// through its surface (<see cref="ModuleApiAttribute"/>), never through its tables, and modules call each other
/// only along the drawn arrows, which form no cycle.
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    private const string Shared = "Shared";

    private static readonly Lazy<ModuleDefinition> Core = new(() => ModuleReferences.Load(typeof(AppDbContext).Assembly.Location));

    private static readonly Lazy<List<ModuleReference>> References = new(() =>
        [.. ModuleReferences.Collect(Core.Value).Where(r => !r.FromType.StartsWith(ModuleReferences.MigrationsNamespace + ".", StringComparison.Ordinal))]);

    private static readonly Lazy<HashSet<string>> Surface = new(() =>
        [.. Core.Value.GetTypes().Where(t => t.CustomAttributes.Any(a => a.AttributeType.Name == nameof(ModuleApiAttribute))).Select(t => t.FullName)]);

    private static readonly Lazy<IReadOnlyList<(Type Type, string Table)>> Entities = new(() =>
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).Select(e => (e.ClrType, e.GetTableName()!))];
    });

    private static readonly string[] Modules =
        [.. Directory.GetDirectories(Path.Combine(Repository.Root, "src", "Tradehall.Core")).Select(Path.GetFileName)
            .Where(n => n is not ("bin" or "obj")).Order(StringComparer.Ordinal)!];

    [Fact]
    public void A_module_uses_another_only_through_the_types_it_marks_as_its_surface()
    {
        var misuses = References.Value
            .Where(r => !r.IsTable && r.ToModule != Shared && !Surface.Value.Contains(r.Target))
            .Select(r => $"{r.FromType} ({r.FromModule}) uses {r.Target}, which {r.ToModule} does not offer")
            .Distinct().Order().ToList();
        Assert.True(misuses.Count == 0, string.Join('\n', misuses));
    }

    [Fact]
    public void No_module_names_another_modules_tables_in_its_code()
    {
        var misuses = References.Value.Where(r => r.IsTable)
            .Select(r => $"{r.FromType} ({r.FromModule}) names {r.Target}, a table of {r.ToModule}")
            .Distinct().Order().ToList();
        Assert.True(misuses.Count == 0, string.Join('\n', misuses));
    }

    [Fact]
    public void A_table_is_offered_by_no_module_and_named_after_the_module_that_maps_it()
    {
        var wrong = new List<string>();
        foreach (var (type, table) in Entities.Value)
        {
            var module = ModuleReferences.ModuleOf(type.FullName);
            if (module is null)
            {
                continue;
            }
            var owner = ModuleReferences.TablePrefixes.Where(p => table.StartsWith(p.Key, StringComparison.Ordinal)).Select(p => p.Value).FirstOrDefault();
            if (owner != module)
            {
                wrong.Add($"{table} is mapped by {type.FullName} in {module}");
            }
            if (Surface.Value.Contains(type.FullName!))
            {
                wrong.Add($"{type.FullName} is a table ({table}) and cannot be part of {module}'s surface");
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Modules_call_each_other_without_a_cycle()
    {
        var edges = Edges();
        var cycles = new List<string>();
        foreach (var start in edges.Keys)
        {
            var path = new Stack<string>();
            if (Reaches(start, start, edges, path, []))
            {
                cycles.Add(string.Join(" -> ", path.Reverse().Prepend(start)));
            }
        }
        Assert.True(cycles.Count == 0, string.Join('\n', cycles));
    }

    [Fact]
    public void Every_call_between_modules_is_drawn_in_the_architecture_document()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs", "architecture.md"));
        var drawn = DiagramEdge().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToHashSet();
        var undrawn = Edges().SelectMany(e => e.Value.Select(to => (e.Key, to)))
            .Where(e => e.to != Shared && !drawn.Contains(e))
            .Select(e => $"{e.Key} --> {e.to}").Order().ToList();
        Assert.True(undrawn.Count == 0, "Calls between modules missing from the diagram in docs/architecture.md:\n" + string.Join('\n', undrawn));
        var unused = drawn.Where(e => !Edges().GetValueOrDefault(e.Item1, []).Contains(e.Item2)).Select(e => $"{e.Item1} --> {e.Item2}").Order().ToList();
        Assert.True(unused.Count == 0, "Arrows in docs/architecture.md that no code follows:\n" + string.Join('\n', unused));
    }

    [Fact]
    public void The_architecture_document_describes_every_module()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs", "architecture.md"));
        var missing = Modules.Where(m => !text.Contains($"| `{m}` |", StringComparison.Ordinal)).ToList();
        Assert.Equal(14, Modules.Length);
        Assert.True(missing.Count == 0, "Modules without a row in docs/architecture.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Shared_depends_on_no_module()
    {
        var uses = References.Value.Where(r => r.FromModule == Shared).Select(r => $"{r.FromType} uses {r.Target}").Distinct().ToList();
        Assert.True(uses.Count == 0, string.Join('\n', uses));
    }

    /// <summary>A migration is a fixed step of the schema's history: it must not change when live code does.</summary>
    [Fact]
    public void Migrations_read_no_live_code()
    {
        var reads = ModuleReferences.Collect(Core.Value)
            .Where(r => r.FromType.StartsWith(ModuleReferences.MigrationsNamespace + ".", StringComparison.Ordinal) && !r.IsTable)
            .Select(r => $"{r.FromType} uses {r.Target}").Distinct().ToList();
        var sameModule = Core.Value.GetTypes()
            .Where(t => ModuleReferences.Outermost(t).FullName.StartsWith(ModuleReferences.MigrationsNamespace + ".", StringComparison.Ordinal))
            .SelectMany(MigrationReads)
            .Distinct().ToList();
        Assert.True(reads.Count + sameModule.Count == 0, string.Join('\n', reads.Concat(sameModule)));
    }

    private static IEnumerable<string> MigrationReads(TypeDefinition type) =>
        type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
            .Select(i => i.Operand switch
            {
                FieldReference f => f.DeclaringType.FullName,
                MethodReference m => m.DeclaringType.FullName,
                TypeReference t => t.FullName,
                _ => null,
            })
            .Where(n => n is not null && n.StartsWith(ModuleReferences.Root, StringComparison.Ordinal)
                && !n.StartsWith(ModuleReferences.MigrationsNamespace, StringComparison.Ordinal))
            .Select(n => $"{type.FullName} uses {n}")!;

    private static Dictionary<string, HashSet<string>> Edges() =>
        References.Value.GroupBy(r => r.FromModule).ToDictionary(g => g.Key, g => g.Select(r => r.ToModule).ToHashSet());

    private static bool Reaches(string from, string target, Dictionary<string, HashSet<string>> edges, Stack<string> path, HashSet<string> seen)
    {
        foreach (var next in edges.GetValueOrDefault(from, []))
        {
            path.Push(next);
            if (next == target || (seen.Add(next) && Reaches(next, target, edges, path, seen)))
            {
                return true;
            }
            path.Pop();
        }
        return false;
    }

    [GeneratedRegex(@"^\s*(\w+)\s*-->\s*(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex DiagramEdge();
}
