using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tradehall.Core.Marketplace.Categories;
using Tradehall.Core.Marketplace.Synonyms;
using Tradehall.Core.Shared;
using Tradehall.Tests.Data;

namespace Tradehall.Tests.Marketplace;

/// <summary>MKT-01, MKT-02: the seeded industrial taxonomy, its synonyms, and the migration that brings a database seeded before to it.</summary>
public sealed partial class TaxonomyTests
{
    private static readonly List<Category> Seeded = [.. IndustrialTaxonomy.Categories()];

    /// <summary>The migration before the taxonomy grew: a database at it holds the first, timber-only tree.</summary>
    private const string BeforeTrades = "202612070940_TariffWording";

    private static List<int> Path(int id)
    {
        var byId = Seeded.ToDictionary(c => c.Id);
        var path = new List<int>();
        for (int? at = id; at is { } next; at = byId[next].ParentId)
        {
            path.Insert(0, next);
        }
        return path;
    }

    [Fact]
    public void MKT01_the_taxonomy_has_a_metals_root_with_rebar_under_it_and_every_node_has_both_names_and_a_unique_code()
    {
        var metals = Seeded.Single(c => c.Code == "metals");
        Assert.Null(metals.ParentId);
        var rebar = Seeded.Single(c => c.Code == "rebar");
        Assert.Equal(metals.Id, Path(rebar.Id)[0]);
        Assert.Equal("Арматура", rebar.NameRu);

        // Every trade the market needs has a top-level home; timber is as deep as before (ids 1–69 unchanged).
        var roots = Seeded.Where(c => c.ParentId is null).Select(c => c.Code).ToList();
        Assert.Superset(new HashSet<string> { "roundwood", "sawn-timber", "metals", "building-materials", "chemicals", "agriculture-food", "fuel-energy",
            "machinery", "packaging", "textiles", "services" }, roots.ToHashSet());
        foreach (var (code, parent) in new[] { ("wheat", "grain"), ("sunflower-oil", "vegetable-oils"), ("excavators", "construction-machinery"),
            ("road-freight", "logistics"), ("pallets", "packaging"), ("polyethylene", "polymers"), ("diesel", "fuel-energy"), ("cement", "building-materials") })
        {
            Assert.Equal(Seeded.Single(c => c.Code == parent).Id, Seeded.Single(c => c.Code == code).ParentId);
        }
        Assert.Equal(Enumerable.Range(1, 69), Seeded.Where(c => c.Id < 100).Select(c => c.Id).Order());
        Assert.Equal(12, Seeded.Single(c => c.Code == "boards").Id);

        Assert.InRange(Seeded.Count, 120, 180);
        Assert.Equal(Seeded.Count, Seeded.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Seeded.Count, Seeded.Select(c => c.Code).Distinct().Count());
        Assert.All(Seeded, c =>
        {
            Assert.Matches(Slug(), c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.NameEn), c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.NameRu), c.Code);
            Assert.Contains(c.NameRu, ch => ch is >= 'А' and <= 'я' or 'ё' or 'Ё');
            Assert.True(c.ParentId is null || Seeded.Any(p => p.Id == c.ParentId), c.Code);
            Assert.InRange(Path(c.Id).Count, 1, 3);
            Assert.True(c.Id < IndustrialTaxonomy.FirstOperatorId);
        });
        // Siblings are ordered 0, 1, 2 … among themselves.
        Assert.All(Seeded.GroupBy(c => c.ParentId), g => Assert.Equal(Enumerable.Range(0, g.Count()), g.Select(c => c.SortOrder).Order()));
    }

    [Fact]
    public void MKT02_the_seeded_synonyms_keep_the_rules_an_operator_is_held_to()
    {
        Assert.True(Seeded.Count(c => c.Synonyms.Length > 0) >= 150);
        Assert.Contains("ОСП", SynonymWords.Split(Seeded.Single(c => c.Code == "osb").Synonyms));
        Assert.Contains("арматура", SynonymWords.Split(Seeded.Single(c => c.Code == "rebar").Synonyms));
        Assert.Contains("гранулы", SynonymWords.Split(Seeded.Single(c => c.Code == "pellets").Synonyms));
        Assert.Contains("доски", SynonymWords.Split(Seeded.Single(c => c.Code == "boards").Synonyms));
        Assert.All(Seeded, c =>
        {
            var errors = new FieldErrors();
            Assert.Equal(c.Synonyms, SynonymWords.CheckCategory(c.Synonyms, "synonyms", errors));
            Assert.False(errors.Any, c.Code);
        });
    }

    [Fact]
    public async Task MKT01_the_migration_brings_a_database_seeded_before_to_the_full_tree()
    {
        using var database = new TestDatabase();
        await using var db = SchemaTests.Context(database);
        var migrator = db.GetService<IMigrator>();
        // EF finds a target by the name its id generator cuts from the id; our ids are shorter than its own, so the target
        // is named the way the generator reads it.
        await migrator.MigrateAsync(db.GetService<IMigrationsIdGenerator>().GetName(BeforeTrades));
        Assert.Contains(BeforeTrades, await db.Database.GetAppliedMigrationsAsync());
        Assert.DoesNotContain("202612071010_IndustrialTrades", await db.Database.GetAppliedMigrationsAsync());
        // What the seeding of that time wrote: the timber tree, without the columns added since.
        foreach (var c in Seeded.Where(c => c.Id < 100))
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO marketplace_categories ("Id", "ParentId", "Code", "NameEn", "NameRu", "SortOrder")
                VALUES ({c.Id}, {c.ParentId}, {c.Code}, {c.NameEn}, {c.NameRu}, {c.SortOrder})
                """);
        }
        await migrator.MigrateAsync();

        var migrated = await db.Set<Category>().AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        static object Shape(Category c) => (c.Id, c.ParentId, c.Code, c.NameEn, c.NameRu, c.SortOrder, c.Synonyms, c.Retired, c.MergedIntoId);
        Assert.Equal(Seeded.OrderBy(c => c.Id).Select(Shape), migrated.Select(Shape));
        Assert.All(migrated, c => Assert.True(c.Version >= 1));

        var groups = await db.Set<SearchSynonymGroup>().AsNoTracking().ToListAsync();
        Assert.True(groups.Count >= 40, $"{groups.Count} synonym groups.");
        Assert.All(groups, g =>
        {
            var errors = new FieldErrors();
            Assert.Equal(g.Words, SynonymWords.CheckGroup(g.Words, "words", errors));
            Assert.False(errors.Any, g.Words);
        });
        Assert.Contains(groups, g => g.Words.StartsWith("pine, сосна", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MKT01_the_migration_leaves_an_empty_tree_to_the_seeding_and_the_seeding_writes_the_full_one()
    {
        using var database = new TestDatabase();
        await using var db = SchemaTests.Context(database);
        await db.Database.MigrateAsync();
        Assert.Equal(0, await db.Set<Category>().CountAsync());
        Assert.True(await db.Set<SearchSynonymGroup>().CountAsync() >= 40);

        var shape = new CategoryShape(TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new Core.Marketplace.MarketplaceOptions()));
        await new CategoryTree(db, shape).EnsureSeededAsync(CancellationToken.None);
        Assert.Equal(Seeded.Count, await db.Set<Category>().CountAsync());
        Assert.Equal(Seeded.Single(c => c.Code == "rebar").Synonyms, await db.Set<Category>().Where(c => c.Code == "rebar").Select(c => c.Synonyms).SingleAsync());
    }

    [Theory]
    [InlineData("pine", "words")]
    [InlineData("", "words")]
    [InlineData("pine, сосна!", "words")]
    [InlineData("pine; сосна", "words")]
    public void MKT02_a_synonym_group_is_refused_naming_its_field(string words, string field)
    {
        var errors = new FieldErrors();
        SynonymWords.CheckGroup(words, field, errors);
        Assert.True(errors.Has(field));
    }

    [Fact]
    public void MKT02_a_synonym_list_is_trimmed_and_repeats_dropped_in_any_case()
    {
        var errors = new FieldErrors();
        Assert.Equal("pine, сосна, kiln-dried pine", SynonymWords.CheckGroup(" pine,Pine , сосна,\nСОСНА, kiln-dried   pine,, ", "words", errors));
        Assert.False(errors.Any);
        SynonymWords.CheckGroup(string.Join(", ", Enumerable.Range(1, 21).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture))), "words", errors);
        Assert.True(errors.Has("words"));
        errors = new FieldErrors();
        SynonymWords.CheckGroup("pine, " + new string('x', 61), "words", errors);
        Assert.True(errors.Has("words"));
        errors = new FieldErrors();
        Assert.Equal("", SynonymWords.CheckCategory("  ", "synonyms", errors));
        Assert.False(errors.Any);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
