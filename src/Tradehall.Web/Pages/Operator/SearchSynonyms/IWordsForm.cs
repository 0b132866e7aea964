namespace Tradehall.Web.Pages.Operator.SearchSynonyms;

/// <summary>The one field of the add and change forms (<c>_WordsField.cshtml</c>).</summary>
public interface IWordsForm
{
    string? Words { get; set; }
}
