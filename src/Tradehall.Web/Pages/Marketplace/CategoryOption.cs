namespace Tradehall.Web.Pages.Marketplace;

/// <summary>A category as a line of an indented select or facet list; <see cref="Path"/> runs from its root to itself.</summary>
public sealed record CategoryOption(int Id, string Name, int Depth, long Count, IReadOnlyList<int> Path)
{
    /// <summary>The tree in reading order; a node's count adds up its own matches and its descendants'.</summary>
    public static List<CategoryOption> Flatten(IReadOnlyList<CategoryNode> roots, IReadOnlyDictionary<int, long>? counts = null)
    {
        var result = new List<CategoryOption>();
        long Walk(CategoryNode node, int depth, IReadOnlyList<int> path)
        {
            var at = result.Count;
            result.Add(null!);
            var here = path.Append(node.Id).ToList();
            var count = (counts?.GetValueOrDefault(node.Id) ?? 0) + node.Children.Sum(c => Walk(c, depth + 1, here));
            result[at] = new CategoryOption(node.Id, node.Name, depth, count, here);
            return count;
        }
        foreach (var root in roots)
        {
            Walk(root, 0, []);
        }
        return result;
    }
}
