namespace Tradehall.Core.Marketplace.Categories;

/// <summary>
/// MKT-01: the taxonomy a fresh site starts with — timber and wood products in depth, then paper, panels,
/// bioenergy and machinery. Ids are fixed here, so every installation names a category the same way.
/// </summary>
internal static class IndustrialTaxonomy
{
    private sealed record Node(int Id, string Code, string En, string Ru, params Node[] Children);

    private static readonly Node[] Roots =
    [
        new(1, "roundwood", "Roundwood", "Круглый лес",
            new(2, "softwood-logs", "Softwood logs", "Хвойный пиловочник",
                new(3, "pine-logs", "Pine logs", "Пиловочник сосны"),
                new(4, "spruce-logs", "Spruce logs", "Пиловочник ели"),
                new(5, "larch-logs", "Larch logs", "Пиловочник лиственницы")),
            new(6, "hardwood-logs", "Hardwood logs", "Лиственный пиловочник",
                new(7, "birch-logs", "Birch logs", "Берёзовый фанкряж"),
                new(8, "oak-logs", "Oak logs", "Дубовый пиловочник")),
            new(9, "pulpwood", "Pulpwood", "Балансы")),
        new(10, "sawn-timber", "Sawn timber", "Пиломатериалы",
            new(11, "softwood-lumber", "Softwood lumber", "Хвойные пиломатериалы",
                new(12, "boards", "Boards", "Доска обрезная"),
                new(13, "beams", "Beams and squared timber", "Брус"),
                new(14, "battens", "Battens and laths", "Рейка и брусок"),
                new(15, "unedged-boards", "Unedged boards", "Доска необрезная")),
            new(16, "hardwood-lumber", "Hardwood lumber", "Лиственные пиломатериалы",
                new(17, "oak-lumber", "Oak lumber", "Пиломатериалы из дуба"),
                new(18, "birch-lumber", "Birch lumber", "Пиломатериалы из берёзы")),
            new(19, "planed-timber", "Planed and profiled timber", "Строганые и профильные изделия",
                new(20, "decking", "Decking", "Террасная доска"),
                new(21, "cladding", "Cladding and lining", "Вагонка и имитация бруса"),
                new(22, "flooring", "Flooring boards", "Половая доска"))),
        new(23, "engineered-wood", "Engineered wood", "Клеёные конструкции",
            new(24, "glulam", "Glued laminated timber", "Клеёный брус"),
            new(25, "clt", "Cross-laminated timber", "Перекрёстно-клеёные панели (CLT)"),
            new(26, "lvl", "Laminated veneer lumber", "Брус LVL")),
        new(27, "wood-panels", "Wood-based panels", "Плитные материалы",
            new(28, "plywood", "Plywood", "Фанера",
                new(29, "birch-plywood", "Birch plywood", "Берёзовая фанера"),
                new(30, "softwood-plywood", "Softwood plywood", "Хвойная фанера"),
                new(31, "film-faced-plywood", "Film-faced plywood", "Ламинированная фанера")),
            new(32, "osb", "Oriented strand board", "Плита OSB"),
            new(33, "particleboard", "Particleboard", "ДСП"),
            new(34, "fibreboard", "Fibreboard", "Древесноволокнистые плиты",
                new(35, "mdf", "MDF", "МДФ"),
                new(36, "hardboard", "Hardboard", "ДВП"))),
        new(37, "pulp-paper", "Pulp and paper", "Целлюлоза и бумага",
            new(38, "pulp", "Pulp", "Целлюлоза",
                new(39, "bleached-kraft-pulp", "Bleached kraft pulp", "Беленая сульфатная целлюлоза"),
                new(40, "unbleached-kraft-pulp", "Unbleached kraft pulp", "Небеленая сульфатная целлюлоза")),
            new(41, "paper", "Paper", "Бумага",
                new(42, "newsprint", "Newsprint", "Газетная бумага"),
                new(43, "office-paper", "Office paper", "Офисная бумага")),
            new(44, "board", "Paperboard and packaging", "Картон и упаковка",
                new(45, "containerboard", "Containerboard", "Тарный картон"),
                new(46, "corrugated", "Corrugated packaging", "Гофроупаковка"))),
        new(47, "bioenergy", "Bioenergy", "Биотопливо",
            new(48, "pellets", "Wood pellets", "Древесные пеллеты",
                new(49, "industrial-pellets", "Industrial pellets", "Промышленные пеллеты"),
                new(50, "premium-pellets", "Premium pellets (ENplus A1)", "Пеллеты премиум (ENplus A1)")),
            new(51, "briquettes", "Briquettes", "Топливные брикеты"),
            new(52, "wood-chips", "Wood chips", "Щепа"),
            new(53, "firewood", "Firewood", "Дрова")),
        new(54, "by-products", "Sawmill by-products", "Отходы лесопиления",
            new(55, "sawdust", "Sawdust", "Опилки"),
            new(56, "bark", "Bark", "Кора")),
        new(57, "machinery", "Machinery and equipment", "Оборудование и техника",
            new(58, "forestry-machines", "Forestry machines", "Лесозаготовительная техника",
                new(59, "harvesters", "Harvesters", "Харвестеры"),
                new(60, "forwarders", "Forwarders", "Форвардеры")),
            new(61, "sawmill-equipment", "Sawmill equipment", "Лесопильное оборудование",
                new(62, "saws", "Saws and sawlines", "Пилы и пильные линии"),
                new(63, "drying-kilns", "Drying kilns", "Сушильные камеры")),
            new(64, "woodworking-machines", "Woodworking machines", "Деревообрабатывающие станки"),
            new(65, "spare-parts", "Spare parts", "Запасные части")),
        new(66, "services", "Services", "Услуги",
            new(67, "logistics", "Transport and logistics", "Перевозка и логистика"),
            new(68, "drying-services", "Drying and treatment", "Сушка и обработка"),
            new(69, "certification", "Certification and inspection", "Сертификация и инспекция")),
    ];

    public static IEnumerable<Category> Categories()
    {
        IEnumerable<Category> Walk(Node node, int? parent, int order) =>
            node.Children.SelectMany((child, i) => Walk(child, node.Id, i))
                .Prepend(new Category { Id = node.Id, ParentId = parent, Code = node.Code, NameEn = node.En, NameRu = node.Ru, SortOrder = order });
        return Roots.SelectMany((root, i) => Walk(root, null, i));
    }
}
