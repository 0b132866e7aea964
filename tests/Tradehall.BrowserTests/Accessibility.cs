namespace Tradehall.BrowserTests;

/// <summary>Runs axe-core (from the browser tests' npm packages) against the page as it is now.</summary>
public static class Accessibility
{
    private static readonly string AxeScript = Path.Combine(SiteFixture.RepositoryRoot, "tests", "Tradehall.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>The serious and critical violations, as "rule: target" lines.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!File.Exists(AxeScript))
        {
            throw new FileNotFoundException("axe-core is missing: run scripts/install-deps.sh (npm ci in tests/Tradehall.BrowserTests).", AxeScript);
        }
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var json = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations");
        return json.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .SelectMany(v => v.GetProperty("nodes").EnumerateArray().Select(n =>
                $"{v.GetProperty("id").GetString()}: {n.GetProperty("target")[0]} — {v.GetProperty("help").GetString()}"))
            .ToList();
    }
}
