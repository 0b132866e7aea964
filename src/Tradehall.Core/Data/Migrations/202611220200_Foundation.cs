using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Tradehall.Core.Data.Migrations;

/// <summary>Accounts and sign-in, legal documents, the evidence archive, the notification outbox, Data Protection keys.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611220200_Foundation")]
public sealed class Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "accounts_roles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_roles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "accounts_users",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                PhoneNumber = table.Column<string>(maxLength: 16, nullable: true),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                Gender = table.Column<int>(nullable: false),
                DateOfBirth = table.Column<DateOnly>(nullable: false),
                City = table.Column<string>(maxLength: 100, nullable: false),
                Culture = table.Column<string>(maxLength: 8, nullable: false),
                RegisteredAt = table.Column<DateTime>(nullable: false),
                DisabledAt = table.Column<DateTime>(nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_users", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "archive_records",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                OnBehalfOfId = table.Column<Guid>(nullable: true),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                Ip = table.Column<string>(maxLength: 45, nullable: true),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true),
                PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_archive_records", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "hosting_data_protection_keys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: false),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_hosting_data_protection_keys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "legal_documents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Version = table.Column<string>(maxLength: 32, nullable: false),
                EffectiveFrom = table.Column<DateTime>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: false),
                TitleEn = table.Column<string>(maxLength: 200, nullable: false),
                BodyEn = table.Column<string>(nullable: false),
                TitleRu = table.Column<string>(maxLength: 200, nullable: false),
                BodyRu = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_legal_documents", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "notifications_outbox",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Channel = table.Column<int>(nullable: false),
                MemberId = table.Column<Guid>(nullable: true),
                To = table.Column<string>(maxLength: 320, nullable: false),
                Subject = table.Column<string>(maxLength: 300, nullable: true),
                Body = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                LockedUntil = table.Column<DateTime>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                FailedAt = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_notifications_outbox", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "accounts_role_claims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_role_claims", x => x.Id);
                table.ForeignKey(
                    name: "FK_accounts_role_claims_accounts_roles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "accounts_roles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_api_tokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Prefix = table.Column<string>(maxLength: 12, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                Scopes = table.Column<string>(maxLength: 200, nullable: false),
                TwoFactor = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
                LastUsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_api_tokens", x => x.Id);
                table.ForeignKey(
                    name: "FK_accounts_api_tokens_accounts_users_MemberId",
                    column: x => x.MemberId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_one_time_tokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Purpose = table.Column<string>(maxLength: 400, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                UsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_one_time_tokens", x => x.Id);
                table.ForeignKey(
                    name: "FK_accounts_one_time_tokens_accounts_users_MemberId",
                    column: x => x.MemberId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_phone_codes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Phone = table.Column<string>(maxLength: 16, nullable: false),
                CodeHash = table.Column<string>(maxLength: 64, nullable: false),
                SentAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                FailedTries = table.Column<int>(nullable: false),
                UsedAt = table.Column<DateTime>(nullable: true),
                SupersededAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_phone_codes", x => x.Id);
                table.ForeignKey(
                    name: "FK_accounts_phone_codes_accounts_users_MemberId",
                    column: x => x.MemberId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_possible_duplicates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                ExistingMemberId = table.Column<Guid>(nullable: false),
                FlaggedAt = table.Column<DateTime>(nullable: false),
                ReviewedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_possible_duplicates", x => x.Id);
                table.ForeignKey(
                    name: "FK_accounts_possible_duplicates_accounts_users_ExistingMemberId",
                    column: x => x.ExistingMemberId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_accounts_possible_duplicates_accounts_users_MemberId",
                    column: x => x.MemberId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_sessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Ticket = table.Column<byte[]>(nullable: false),
                Persistent = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastSeenAt = table.Column<DateTime>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: true),
                Ip = table.Column<string>(maxLength: 45, nullable: true),
                UserAgent = table.Column<string>(maxLength: 300, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_sessions", x => x.Id);
                table.ForeignKey(
                    name: "FK_accounts_sessions_accounts_users_MemberId",
                    column: x => x.MemberId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_user_claims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_user_claims", x => x.Id);
                table.ForeignKey(
                    name: "FK_accounts_user_claims_accounts_users_UserId",
                    column: x => x.UserId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_user_logins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_accounts_user_logins_accounts_users_UserId",
                    column: x => x.UserId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_user_roles",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                RoleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_user_roles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_accounts_user_roles_accounts_roles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "accounts_roles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_accounts_user_roles_accounts_users_UserId",
                    column: x => x.UserId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "accounts_user_tokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_accounts_user_tokens_accounts_users_UserId",
                    column: x => x.UserId,
                    principalTable: "accounts_users",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "legal_acceptances",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: false),
                AcceptedAt = table.Column<DateTime>(nullable: false),
                Ip = table.Column<string>(maxLength: 45, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_legal_acceptances", x => x.Id);
                table.ForeignKey(
                    name: "FK_legal_acceptances_legal_documents_DocumentId",
                    column: x => x.DocumentId,
                    principalTable: "legal_documents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_accounts_api_tokens_MemberId",
            table: "accounts_api_tokens",
            column: "MemberId");

        migrationBuilder.CreateIndex(
            name: "IX_accounts_api_tokens_TokenHash",
            table: "accounts_api_tokens",
            column: "TokenHash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_accounts_one_time_tokens_MemberId_Purpose",
            table: "accounts_one_time_tokens",
            columns: new[] { "MemberId", "Purpose" });

        migrationBuilder.CreateIndex(
            name: "IX_accounts_one_time_tokens_TokenHash",
            table: "accounts_one_time_tokens",
            column: "TokenHash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_accounts_phone_codes_MemberId_SentAt",
            table: "accounts_phone_codes",
            columns: new[] { "MemberId", "SentAt" });

        migrationBuilder.CreateIndex(
            name: "IX_accounts_phone_codes_Phone_SentAt",
            table: "accounts_phone_codes",
            columns: new[] { "Phone", "SentAt" });

        migrationBuilder.CreateIndex(
            name: "IX_accounts_possible_duplicates_ExistingMemberId",
            table: "accounts_possible_duplicates",
            column: "ExistingMemberId");

        migrationBuilder.CreateIndex(
            name: "IX_accounts_possible_duplicates_MemberId",
            table: "accounts_possible_duplicates",
            column: "MemberId");

        migrationBuilder.CreateIndex(
            name: "IX_accounts_role_claims_RoleId",
            table: "accounts_role_claims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "accounts_roles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_accounts_sessions_MemberId_EndedAt",
            table: "accounts_sessions",
            columns: new[] { "MemberId", "EndedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_accounts_user_claims_UserId",
            table: "accounts_user_claims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_accounts_user_logins_UserId",
            table: "accounts_user_logins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_accounts_user_roles_RoleId",
            table: "accounts_user_roles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "accounts_users",
            column: "NormalizedEmail",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_accounts_users_LastName_FirstName_DateOfBirth",
            table: "accounts_users",
            columns: new[] { "LastName", "FirstName", "DateOfBirth" });

        migrationBuilder.CreateIndex(
            name: "IX_accounts_users_PhoneNumber",
            table: "accounts_users",
            column: "PhoneNumber",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "accounts_users",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_archive_records_ActorId",
            table: "archive_records",
            column: "ActorId");

        migrationBuilder.CreateIndex(
            name: "IX_archive_records_OnBehalfOfId",
            table: "archive_records",
            column: "OnBehalfOfId");

        migrationBuilder.CreateIndex(
            name: "IX_archive_records_Sequence",
            table: "archive_records",
            column: "Sequence",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_hosting_data_protection_keys_FriendlyName",
            table: "hosting_data_protection_keys",
            column: "FriendlyName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_legal_acceptances_DocumentId",
            table: "legal_acceptances",
            column: "DocumentId");

        migrationBuilder.CreateIndex(
            name: "IX_legal_acceptances_MemberId_DocumentId",
            table: "legal_acceptances",
            columns: new[] { "MemberId", "DocumentId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_legal_documents_Kind_Version",
            table: "legal_documents",
            columns: new[] { "Kind", "Version" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_notifications_outbox_MemberId",
            table: "notifications_outbox",
            column: "MemberId");

        migrationBuilder.CreateIndex(
            name: "IX_notifications_outbox_SentAt_NextAttemptAt",
            table: "notifications_outbox",
            columns: new[] { "SentAt", "NextAttemptAt" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "legal_acceptances");
        migrationBuilder.DropTable(name: "accounts_user_tokens");
        migrationBuilder.DropTable(name: "accounts_user_roles");
        migrationBuilder.DropTable(name: "accounts_user_logins");
        migrationBuilder.DropTable(name: "accounts_user_claims");
        migrationBuilder.DropTable(name: "accounts_sessions");
        migrationBuilder.DropTable(name: "accounts_possible_duplicates");
        migrationBuilder.DropTable(name: "accounts_phone_codes");
        migrationBuilder.DropTable(name: "accounts_one_time_tokens");
        migrationBuilder.DropTable(name: "accounts_api_tokens");
        migrationBuilder.DropTable(name: "accounts_role_claims");
        migrationBuilder.DropTable(name: "notifications_outbox");
        migrationBuilder.DropTable(name: "legal_documents");
        migrationBuilder.DropTable(name: "hosting_data_protection_keys");
        migrationBuilder.DropTable(name: "archive_records");
        migrationBuilder.DropTable(name: "accounts_users");
        migrationBuilder.DropTable(name: "accounts_roles");
    }
}
