using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// ACC-12: chats and support became scopes of their own. Tokens made before could reach both, so they keep them;
/// the operator scope is taken from tokens of members who are not staff, who could never use it.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612070300_TokenScopes")]
public sealed class TokenScopes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""UPDATE accounts_api_tokens SET "Scopes" = "Scopes" || ' chats support' WHERE "Scopes" NOT LIKE '%chats%'""");
        migrationBuilder.Sql("""
            UPDATE accounts_api_tokens SET "Scopes" = trim(replace(' ' || "Scopes" || ' ', ' operator ', ' '))
            WHERE "MemberId" NOT IN (SELECT "UserId" FROM accounts_user_roles)
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""UPDATE accounts_api_tokens SET "Scopes" = trim(replace(replace(' ' || "Scopes" || ' ', ' chats ', ' '), ' support ', ' '))""");
    }
}
