using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// BIL-06, RUN-07: a tariff has a Russian name and a description in both languages. The built-in tariffs, still under
/// their first names, get the wording new sites start with.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612070940_TariffWording")]
public sealed class TariffWording : Migration
{
    private const string Marketplace = "'As many active listings as you need, highlighted in search results, and alerts when new listings match your saved searches.', " +
        "'Сколько угодно активных объявлений, выделение в результатах поиска и уведомления о новых объявлениях по сохранённым поискам.'";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "NameRu", table: "billing_tariffs", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "DescriptionEn", table: "billing_tariffs", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>(name: "DescriptionRu", table: "billing_tariffs", maxLength: 500, nullable: true);
        foreach (var (name, nameRu, descriptions) in new[]
        {
            ("Marketplace Pro", "Площадка Про", Marketplace),
            ("Marketplace Business", "Площадка Бизнес", Marketplace),
            ("Analytics", "Аналитика", "'Median prices by category, region and unit, how they change month to month, and charts of their history.', " +
                "'Медианные цены по категориям, регионам и единицам измерения, их изменение от месяца к месяцу и графики истории.'"),
            ("Price review", "Обзор цен", "'A PDF review of market prices every month, with the reviews of past months.', " +
                "'Ежемесячный обзор рыночных цен в PDF, а также обзоры прошлых месяцев.'"),
        })
        {
            migrationBuilder.Sql($"""
                UPDATE billing_tariffs SET "NameRu" = '{nameRu}', ("DescriptionEn", "DescriptionRu") = ({descriptions})
                WHERE "Name" = '{name}' AND "KindId" IN (SELECT "Id" FROM billing_service_kinds WHERE "BuiltIn")
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "NameRu", table: "billing_tariffs");
        migrationBuilder.DropColumn(name: "DescriptionEn", table: "billing_tariffs");
        migrationBuilder.DropColumn(name: "DescriptionRu", table: "billing_tariffs");
    }
}
