using System.Linq.Expressions;
using System.Reflection;
using Tradehall.Core.Network.Profiles;

namespace Tradehall.Core.Network.Directory;

/// <summary>
/// NET-06: what a directory field is looked for as: its folded text, found inside the folded search column as before, and
/// its <see cref="NameSkeleton"/> query keys, found inside the column's key — so «Петрова» finds Petrova and back.
/// Both are substring tests (<c>instr</c> on SQLite, <c>strpos</c> on PostgreSQL) over text folded in C#, so the two engines
/// answer alike.
/// </summary>
internal sealed class DirectoryText
{
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    private DirectoryText(string folded, IReadOnlyList<string> keys)
    {
        Folded = folded;
        Keys = keys;
    }

    public string Folded { get; }

    public IReadOnlyList<string> Keys { get; }

    /// <summary>Null for an empty field, which filters nothing.</summary>
    public static DirectoryText? Of(string? text) => Profile.Fold(text) is { } folded ? new(folded, NameSkeleton.QueryKeys(text)) : null;

    /// <summary>Rows whose <paramref name="column"/> holds the folded text or whose <paramref name="key"/> holds one of the keys.</summary>
    public Expression<Func<T, bool>> Matches<T>(Expression<Func<T, string?>> column, Expression<Func<T, string?>> key)
    {
        var row = column.Parameters[0];
        var keyColumn = new Rebind(key.Parameters[0], row).Visit(key.Body);
        var found = Holds(column.Body, Folded);
        if (Keys.Count > 0)
        {
            found = Expression.OrElse(found, Keys.Skip(1).Aggregate(Holds(keyColumn, Keys[0]), (any, k) => Expression.OrElse(any, Holds(keyColumn, k))));
        }
        return Expression.Lambda<Func<T, bool>>(found, row);
    }

    /// <summary>
    /// column is not null and holds the value; the value is read from an object, so EF sends it as a parameter and keeps one
    /// plan per number of keys.
    /// </summary>
    private static BinaryExpression Holds(Expression column, string value) =>
        Expression.AndAlso(
            Expression.NotEqual(column, Expression.Constant(null, typeof(string))),
            Expression.Call(column, Contains, Expression.Property(Expression.Constant(new Value(value)), nameof(Value.Text))));

    private sealed record Value(string Text);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
