namespace Tradehall.Demo;

/// <summary>
/// What the demo market trades, per category of the seeded taxonomy (Marketplace/Categories/IndustrialTaxonomy.cs):
/// the unit a product is priced in, a price level in roubles, how its sector's prices drift and swing with the seasons,
/// and title words in English and Russian. Figures are of the order of the Russian and Baltic wood market in 2026; the
/// other trades (DemoMarketCatalog.Industries.cs) are of the order of the Russian wholesale market.
/// </summary>
internal static partial class DemoMarketCatalog
{
    /// <summary>
    /// A sector (a root of the taxonomy, or a trade within one, as food within agriculture) moves as a whole:
    /// <see cref="Trend"/> per month, a seasonal swing of <see cref="Season"/> around its <see cref="PeakMonth"/>.
    /// Its listings name <see cref="Documents"/>, or the timber trade's <see cref="Certificates"/> when it has none.
    /// </summary>
    internal sealed record Sector(int SectorId, double Trend, double Season, int PeakMonth, Text Lead, Text[] Terms, Text[]? Documents = null);

    /// <summary>One product line of a category; titles are drawn from <see cref="En"/>/<see cref="Ru"/> and a spec.</summary>
    internal sealed record Product(int CategoryId, int SectorId, string Unit, decimal BaseRub, string[] En, string[] Ru, Text[] Specs);

    /// <summary>A phrase in English and Russian.</summary>
    internal readonly record struct Text(string En, string Ru)
    {
        public string In(bool russian) => russian ? Ru : En;
    }

    private static Text T(string en, string ru) => new(en, ru);

    private static Text N(string neutral) => new(neutral, neutral);

    private static readonly Text[] LogSpecs =
    [
        T("Ø 14–18 cm, 4 m", "Ø 14–18 см, 4 м"), T("Ø 18–26 cm, 4 m", "Ø 18–26 см, 4 м"), T("Ø 26–40 cm, 6 m", "Ø 26–40 см, 6 м"),
        T("Ø 20+ cm, 5.1 m", "Ø 20+ см, 5,1 м"), T("Ø 16–30 cm, 3 m", "Ø 16–30 см, 3 м"),
    ];

    private static readonly Text[] BoardSpecs =
    [
        T("50×150×6000, grade AB", "50×150×6000, сорт AB"), T("25×100×4000, grade 1–3", "25×100×4000, 1–3 сорт"),
        T("50×200×6000, grade 0–2", "50×200×6000, сорт 0–2"), T("22×125×3000, grade B", "22×125×3000, сорт B"),
        T("44×175×5100, grade AB", "44×175×5100, сорт AB"), T("32×150×6000, grade C", "32×150×6000, сорт C"),
    ];

    private static readonly Text[] BeamSpecs =
    [
        N("100×100×6000"), N("150×150×6000"), N("200×200×6000"), N("100×150×4000"), N("180×180×6000"),
    ];

    private static readonly Text[] PanelSpecs =
    [
        T("1525×1525×18 mm, B/BB", "1525×1525×18 мм, B/BB"), T("2440×1220×12 mm, BB/CP", "2440×1220×12 мм, BB/CP"),
        T("2500×1250×21 mm, CP/CP", "2500×1250×21 мм, CP/CP"), T("1525×1525×9 mm, BB/BB", "1525×1525×9 мм, BB/BB"),
        T("2500×1250×15 mm", "2500×1250×15 мм"),
    ];

    private static readonly Text[] PulpSpecs =
    [
        T("bales, air-dry 90 %", "кипы, 90 % сухого"), T("ISO brightness 88 %", "белизна ISO 88 %"), T("sheet form, wire-tied", "листовая, в кипах"),
        T("fluff grade", "распушённая"),
    ];

    private static readonly Text[] PaperSpecs =
    [
        T("45 g/m², reels 840 mm", "45 г/м², рулоны 840 мм"), T("80 g/m², A4, class C", "80 г/м², А4, класс C"),
        T("125 g/m², reels 2100 mm", "125 г/м², рулоны 2100 мм"), T("140 g/m² kraftliner", "140 г/м², крафтлайнер"),
        T("3-ply, 600×400×400", "трёхслойный, 600×400×400"),
    ];

    private static readonly Text[] PelletSpecs =
    [
        T("6 mm, big bags 1 t", "6 мм, биг-бэги 1 т"), T("8 mm, bulk", "8 мм, навалом"), T("6 mm, 15 kg bags", "6 мм, мешки 15 кг"),
        T("6 mm, ash < 0.7 %", "6 мм, зольность < 0,7 %"), T("8 mm, DAP St. Petersburg port", "8 мм, порт Санкт-Петербург"),
    ];

    private static readonly Text[] FuelSpecs =
    [
        T("moisture ≤ 10 %", "влажность ≤ 10 %"), T("bulk, trucks 90 m³", "навалом, машины 90 м³"), T("pallets 960 kg", "поддоны 960 кг"),
        T("moisture 35–45 %", "влажность 35–45 %"), T("fraction 3–45 mm", "фракция 3–45 мм"),
    ];

    private static readonly Text[] MachineSpecs =
    [
        T("2019, 12,400 engine hours", "2019 г., 12 400 моточасов"), T("2022, 4,800 engine hours", "2022 г., 4800 моточасов"),
        T("new, with commissioning", "новый, с пусконаладкой"), T("2016, after overhaul", "2016 г., после капремонта"),
        T("2021, in working order", "2021 г., в рабочем состоянии"),
    ];

    private static readonly Text[] EquipmentSpecs =
    [
        T("capacity 60 m³/shift", "производительность 60 м³/смену"), T("chamber 120 m³", "камера 120 м³"),
        T("new, warranty 24 months", "новое, гарантия 24 месяца"), T("used, 2018, dismantled", "б/у, 2018 г., демонтировано"),
        T("log diameter up to 60 cm", "диаметр бревна до 60 см"),
    ];

    private static readonly Text[] PartSpecs =
    [
        T("original, in stock", "оригинал, в наличии"), T("OEM analogue, 2 weeks", "аналог, 2 недели"), T("set for 1,000 hours", "комплект на 1000 моточасов"),
    ];

    private static readonly Text[] ServiceSpecs =
    [
        T("Arkhangelsk – St. Petersburg", "Архангельск – Санкт-Петербург"), T("Vologda – Moscow", "Вологда – Москва"),
        T("Krasnoyarsk – Zabaikalsk", "Красноярск – Забайкальск"), T("Kotka – Lübeck", "Котка – Любек"), T("Irkutsk – Manzhouli", "Иркутск – Маньчжурия"),
    ];

    private static readonly Text[] NoSpecs = [N("")];

    /// <summary>Sectors by id: the timber trade's here, the other trades' from <see cref="IndustrySectors"/>.</summary>
    public static readonly IReadOnlyDictionary<int, Sector> Sectors = new Dictionary<int, Sector>(IndustrySectors())
    {
        [1] = new(1, 0.004, 0.06, 2, T("Harvested this winter, sorted by diameter, loaded by our own cranes.", "Заготовка текущего сезона, сортировка по диаметрам, погрузка своим манипулятором."),
            [T("rail wagons", "ж/д вагонами"), T("timber trucks", "лесовозами")]),
        [10] = new(10, -0.002, 0.05, 5, T("Kiln-dried to 12–16 %, antiseptic treatment on request, export packs.", "Камерная сушка до 12–16 %, антисептирование по запросу, экспортная упаковка."),
            [T("rail wagons", "ж/д вагонами"), T("trucks", "автотранспортом"), T("containers", "контейнерами")]),
        [23] = new(23, 0.006, 0.04, 4, T("Made to drawings, glued with EPI/MUF adhesives, CE marked.", "Производство по чертежам, клей EPI/MUF, маркировка CE."),
            [T("trucks", "автотранспортом"), T("containers", "контейнерами")]),
        [27] = new(27, 0.003, 0.03, 4, T("Factory stock, packs of 30–50 sheets, emission class E1.", "Со склада завода, пачки по 30–50 листов, класс эмиссии E1."),
            [T("trucks", "автотранспортом"), T("containers", "контейнерами"), T("rail wagons", "ж/д вагонами")]),
        [37] = new(37, -0.004, 0.02, 10, T("Mill quality certificate with every lot, regular monthly volumes possible.", "Сертификат качества комбината на каждую партию, возможны регулярные ежемесячные поставки."),
            [T("rail wagons", "ж/д вагонами"), T("containers", "контейнерами")]),
        [47] = new(47, 0.005, 0.12, 1, T("Laboratory tested each batch, steady production all year.", "Лабораторный контроль каждой партии, стабильное производство круглый год."),
            [T("trucks", "автотранспортом"), T("rail wagons", "ж/д вагонами"), T("bulk vessels", "судами навалом")]),
        [54] = new(54, 0.002, 0.10, 1, T("Fresh from the sawmill, no bark and sand admixture.", "Свежие, с лесопильного производства, без примесей коры и песка."),
            [T("trucks", "автотранспортом")]),
        [57] = new(57, 0.008, 0.0, 1, T("Inspection on site welcome, documents and service history available.", "Возможен осмотр на месте, документы и сервисная история в наличии."),
            [T("low-loader", "тралом"), T("containers", "контейнерами")]),
        [66] = new(66, 0.007, 0.05, 9, T("Licensed company, insured cargo, documents in Russian and English.", "Лицензированная компания, груз застрахован, документы на русском и английском."),
            [T("own fleet", "собственным транспортом")]),
    };

    public static readonly IReadOnlyList<Product> Products =
    [
        P(1, 1, "m3", 4_500, ["Roundwood, mixed species", "Assorted roundwood"], ["Круглый лес, смешанные породы", "Лес круглый в ассортименте"], LogSpecs),
        P(2, 1, "m3", 5_000, ["Softwood sawlogs, pine and spruce", "Mixed softwood logs"], ["Хвойный пиловочник, сосна и ель", "Пиловочник хвойный"], LogSpecs),
        P(3, 1, "m3", 5_500, ["Pine sawlogs", "Pine logs, sawmill grade"], ["Пиловочник сосны", "Сосна пиловочник 1–2 сорт"], LogSpecs),
        P(4, 1, "m3", 5_200, ["Spruce sawlogs", "Spruce logs, fresh cut"], ["Пиловочник ели", "Ель пиловочник свежеспиленный"], LogSpecs),
        P(5, 1, "m3", 6_500, ["Siberian larch logs", "Larch sawlogs"], ["Пиловочник лиственницы", "Лиственница сибирская, кругляк"], LogSpecs),
        P(6, 1, "m3", 6_000, ["Hardwood logs, birch and aspen", "Hardwood sawlogs"], ["Лиственный пиловочник, берёза и осина", "Пиловочник лиственных пород"], LogSpecs),
        P(7, 1, "m3", 6_800, ["Birch veneer logs", "Birch peeler logs"], ["Фанкряж берёзовый", "Берёза фанкряж 1–2 сорт"], LogSpecs),
        P(8, 1, "m3", 25_000, ["Oak sawlogs", "European oak logs"], ["Пиловочник дуба", "Дуб кругляк"], LogSpecs),
        P(9, 1, "m3", 3_000, ["Softwood pulpwood", "Birch pulpwood"], ["Балансы хвойные", "Балансы берёзовые"], LogSpecs),
        P(10, 10, "m3", 15_000, ["Sawn timber, assorted", "Sawn softwood, mixed dimensions"], ["Пиломатериалы в ассортименте", "Пиломатериал хвойный, разные сечения"], BoardSpecs),
        P(11, 10, "m3", 16_000, ["Sawn softwood, pine and spruce", "Softwood lumber"], ["Хвойные пиломатериалы, сосна и ель", "Пиломатериалы хвойных пород"], BoardSpecs),
        P(12, 10, "m3", 18_000, ["Kiln-dried pine boards", "Spruce boards, kiln-dried", "Edged pine boards"], ["Доска обрезная сосна, камерной сушки", "Доска обрезная ель, сухая", "Доска сосновая обрезная"], BoardSpecs),
        P(13, 10, "m3", 19_000, ["Pine beams", "Squared spruce timber", "Construction beams, planed"], ["Брус сосновый", "Брус еловый обрезной", "Брус строганый"], BeamSpecs),
        P(14, 10, "m3", 21_000, ["Pine battens", "Spruce laths", "Roof battens, treated"], ["Рейка сосновая", "Брусок еловый", "Брусок кровельный, антисептированный"], BeamSpecs),
        P(15, 10, "m3", 11_000, ["Unedged pine boards", "Unedged spruce boards"], ["Доска необрезная сосна", "Доска необрезная ель"], BoardSpecs),
        P(16, 10, "m3", 40_000, ["Hardwood lumber, oak and ash", "Sawn hardwood"], ["Лиственные пиломатериалы, дуб и ясень", "Пиломатериалы твёрдых пород"], BoardSpecs),
        P(17, 10, "m3", 85_000, ["Oak boards, kiln-dried", "Oak lumber, square-edged"], ["Доска дубовая, сухая", "Пиломатериалы из дуба обрезные"], BoardSpecs),
        P(18, 10, "m3", 30_000, ["Birch boards, kiln-dried", "Birch lumber"], ["Доска берёзовая, сухая", "Пиломатериалы из берёзы"], BoardSpecs),
        P(19, 10, "m3", 27_000, ["Planed and profiled timber", "Planed softwood, S4S"], ["Строганый погонаж", "Строганые пиломатериалы, 4 стороны"], BoardSpecs),
        P(20, 10, "m", 450, ["Larch decking", "Thermo-pine decking"], ["Террасная доска лиственница", "Террасная доска термососна"],
            [T("28×140 mm, grade A", "28×140 мм, сорт А"), T("27×120 mm, grade AB", "27×120 мм, сорт AB"), T("35×145 mm, velvet", "35×145 мм, вельвет")]),
        P(21, 10, "m2", 650, ["Spruce cladding", "Pine lining boards", "Imitation log siding"], ["Вагонка ель", "Вагонка сосна штиль", "Имитация бруса"],
            [T("14×96 mm, grade A", "14×96 мм, сорт А"), T("20×146 mm, grade AB", "20×146 мм, сорт AB"), T("12.5×88 mm, extra", "12,5×88 мм, экстра")]),
        P(22, 10, "m2", 1_300, ["Pine flooring boards", "Larch floorboards"], ["Половая доска сосна", "Половая доска лиственница"],
            [T("36×135 mm, grade AB", "36×135 мм, сорт AB"), T("28×110 mm, grade B", "28×110 мм, сорт B")]),
        P(23, 23, "m3", 50_000, ["Engineered timber elements", "Glued timber products"], ["Клеёные конструкции", "Клеёные деревянные изделия"], BeamSpecs),
        P(24, 23, "m3", 48_000, ["Glulam beams, spruce", "Glued laminated timber GL24h"], ["Клеёный брус ель", "Клеёный брус GL24h"], BeamSpecs),
        P(25, 23, "m3", 95_000, ["CLT panels", "Cross-laminated timber panels"], ["CLT-панели", "Перекрёстно-клеёные панели CLT"],
            [T("100 mm, 3-layer", "100 мм, 3 слоя"), T("160 mm, 5-layer", "160 мм, 5 слоёв"), T("200 mm, 5-layer, visible grade", "200 мм, 5 слоёв, видовые")]),
        P(26, 23, "m3", 55_000, ["LVL beams", "Laminated veneer lumber"], ["Брус LVL", "Клеёный брус из шпона LVL"], BeamSpecs),
        P(27, 27, "m3", 30_000, ["Wood-based panels, assorted", "Panels, mixed stock"], ["Плитные материалы в ассортименте", "Плиты, складские остатки"], PanelSpecs),
        P(28, 27, "m3", 45_000, ["Plywood", "Plywood FK/FSF"], ["Фанера", "Фанера ФК/ФСФ"], PanelSpecs),
        P(29, 27, "m3", 52_000, ["Birch plywood", "Birch plywood FK, sanded"], ["Фанера берёзовая", "Фанера берёзовая ФК шлифованная"], PanelSpecs),
        P(30, 27, "m3", 38_000, ["Softwood plywood", "Pine plywood, unsanded"], ["Фанера хвойная", "Фанера хвойная нешлифованная"], PanelSpecs),
        P(31, 27, "m3", 60_000, ["Film-faced plywood", "Formwork plywood, brown film"], ["Фанера ламинированная", "Фанера ламинированная для опалубки"], PanelSpecs),
        P(32, 27, "m2", 420, ["OSB-3 boards", "Oriented strand board, OSB/3"], ["Плита OSB-3", "OSB-3 влагостойкая"], PanelSpecs),
        P(33, 27, "m3", 17_000, ["Particleboard, raw", "Laminated particleboard"], ["ДСП шлифованная", "ЛДСП"], PanelSpecs),
        P(34, 27, "m3", 25_000, ["Fibreboard", "Wood fibre boards"], ["Древесноволокнистые плиты", "Плиты ДВП/МДФ"], PanelSpecs),
        P(35, 27, "m3", 28_000, ["MDF boards", "Moisture-resistant MDF"], ["МДФ", "МДФ влагостойкая"], PanelSpecs),
        P(36, 27, "m2", 110, ["Hardboard", "Hardboard, painted"], ["ДВП", "ДВП окрашенная"], PanelSpecs),
        P(37, 37, "t", 60_000, ["Pulp and paper products", "Paper mill products"], ["Целлюлозно-бумажная продукция", "Продукция ЦБК"], PulpSpecs),
        P(38, 37, "t", 60_000, ["Wood pulp", "Market pulp"], ["Целлюлоза", "Товарная целлюлоза"], PulpSpecs),
        P(39, 37, "t", 70_000, ["Bleached softwood kraft pulp (NBSK)", "Bleached birch kraft pulp"], ["Целлюлоза сульфатная беленая хвойная", "Целлюлоза беленая лиственная"], PulpSpecs),
        P(40, 37, "t", 55_000, ["Unbleached kraft pulp", "Unbleached softwood kraft pulp"], ["Целлюлоза сульфатная небеленая", "Небеленая хвойная целлюлоза"], PulpSpecs),
        P(41, 37, "t", 70_000, ["Paper", "Printing paper"], ["Бумага", "Бумага для печати"], PaperSpecs),
        P(42, 37, "t", 52_000, ["Newsprint", "Newsprint paper in reels"], ["Газетная бумага", "Бумага газетная в рулонах"], PaperSpecs),
        P(43, 37, "t", 95_000, ["Office paper A4", "Copy paper"], ["Офисная бумага А4", "Бумага для офисной техники"], PaperSpecs),
        P(44, 37, "t", 50_000, ["Paperboard", "Packaging board"], ["Картон", "Упаковочный картон"], PaperSpecs),
        P(45, 37, "t", 48_000, ["Kraftliner", "Testliner containerboard"], ["Крафтлайнер", "Картон для плоских слоёв"], PaperSpecs),
        P(46, 37, "pcs", 35, ["Corrugated boxes", "Corrugated cartons, printed"], ["Гофрокороба", "Гофроящики с печатью"], PaperSpecs),
        P(47, 47, "t", 8_000, ["Wood fuel", "Biomass fuel"], ["Древесное топливо", "Биотопливо"], FuelSpecs),
        P(48, 47, "t", 12_000, ["Wood pellets", "Pine pellets"], ["Пеллеты древесные", "Пеллеты сосновые"], PelletSpecs),
        P(49, 47, "t", 9_500, ["Industrial wood pellets", "Industrial pellets I2"], ["Промышленные пеллеты", "Пеллеты индустриальные I2"], PelletSpecs),
        P(50, 47, "t", 15_000, ["Wood pellets ENplus A1", "Premium pellets ENplus A1, white"], ["Пеллеты ENplus A1", "Пеллеты премиум ENplus A1, светлые"], PelletSpecs),
        P(51, 47, "t", 11_000, ["Fuel briquettes RUF", "Pini Kay briquettes"], ["Топливные брикеты RUF", "Брикеты Pini Kay"], FuelSpecs),
        P(52, 47, "m3", 1_400, ["Wood chips for boilers", "Pulp chips"], ["Щепа топливная", "Щепа технологическая"], FuelSpecs),
        P(53, 47, "m3", 2_600, ["Birch firewood, chopped", "Kiln-dried firewood"], ["Дрова берёзовые колотые", "Дрова камерной сушки"], FuelSpecs),
        P(54, 54, "m3", 400, ["Sawmill residues", "Sawmill by-products"], ["Отходы лесопиления", "Отходы деревообработки"], FuelSpecs),
        P(55, 54, "m3", 350, ["Pine sawdust", "Dry sawdust"], ["Опилки сосновые", "Опилки сухие"], FuelSpecs),
        P(56, 54, "m3", 250, ["Pine bark", "Bark mulch"], ["Кора сосновая", "Мульча из коры"], FuelSpecs),
        P(57, 57, "pcs", 2_000_000, ["Woodworking equipment", "Timber industry equipment"], ["Оборудование для деревообработки", "Оборудование лесной отрасли"], EquipmentSpecs),
        P(58, 57, "pcs", 25_000_000, ["Forestry machine", "Logging machine"], ["Лесозаготовительная техника", "Лесная машина"], MachineSpecs),
        P(59, 57, "pcs", 38_000_000, ["Ponsse Ergo harvester", "John Deere 1270G harvester", "Komatsu 931XC harvester"], ["Харвестер Ponsse Ergo", "Харвестер John Deere 1270G", "Харвестер Komatsu 931XC"], MachineSpecs),
        P(60, 57, "pcs", 30_000_000, ["Ponsse Buffalo forwarder", "John Deere 1510G forwarder", "Amkodor forwarder"], ["Форвардер Ponsse Buffalo", "Форвардер John Deere 1510G", "Форвардер Амкодор"], MachineSpecs),
        P(61, 57, "pcs", 3_500_000, ["Sawmill equipment", "Sawmill line components"], ["Лесопильное оборудование", "Оборудование лесопильного цеха"], EquipmentSpecs),
        P(62, 57, "pcs", 4_500_000, ["Band sawmill", "Circular saw line", "Multi-rip saw"], ["Ленточная пилорама", "Круглопильная линия", "Многопильный станок"], EquipmentSpecs),
        P(63, 57, "pcs", 6_500_000, ["Lumber drying kiln", "Convective drying chamber"], ["Сушильная камера для пиломатериалов", "Конвективная сушильная камера"], EquipmentSpecs),
        P(64, 57, "pcs", 1_800_000, ["Four-sided planer", "Edge banding machine", "CNC router"], ["Четырёхсторонний станок", "Кромкооблицовочный станок", "Фрезерный станок с ЧПУ"], EquipmentSpecs),
        P(65, 57, "pcs", 45_000, ["Harvester head spare parts", "Saw chains and bars", "Hydraulic pumps for forestry machines"], ["Запчасти для харвестерной головки", "Пильные цепи и шины", "Гидронасосы для лесной техники"], PartSpecs),
        P(66, 66, "pcs", 50_000, ["Timber industry services", "Services for sawmills"], ["Услуги для лесной отрасли", "Услуги для лесопильных предприятий"], NoSpecs),
        P(67, 66, "truck", 65_000, ["Timber transport by truck", "Lumber trucking", "Log haulage"], ["Перевозка пиломатериалов", "Перевозка леса лесовозами", "Грузоперевозки древесины"], ServiceSpecs),
        P(68, 66, "m3", 2_200, ["Lumber drying services", "Antiseptic treatment of lumber"], ["Сушка пиломатериалов", "Антисептирование пиломатериалов"], NoSpecs),
        P(69, 66, "pcs", 90_000, ["FSC chain-of-custody audit", "Phytosanitary inspection of shipments"], ["Аудит цепочки поставок FSC", "Фитосанитарный контроль партий"], NoSpecs),
        .. IndustryProducts(),
    ];

    private static Product P(int id, int root, string unit, decimal baseRub, string[] en, string[] ru, Text[] specs) => new(id, root, unit, baseRub, en, ru, specs);

    /// <summary>
    /// A place listings come from: ISO country, region, its main city, the share of Russian-speaking posters, and the
    /// region and city in Russian, so a Russian trader's page and listings name them as the trader would.
    /// </summary>
    internal sealed record Place(string Country, string Region, string City, double Russian, string Locale, string RegionRu, string CityRu)
    {
        public string CityIn(bool russian) => russian ? CityRu : City;

        public string RegionIn(bool russian) => russian ? RegionRu : Region;
    }

    /// <summary>Weighted toward north-west Russia and Siberia, then the Nordic and Baltic buyers and sellers, then Germany and China.</summary>
    public static readonly IReadOnlyList<(Place Place, int Weight)> Places =
    [
        (new("RU", "Arkhangelsk Oblast", "Arkhangelsk", 0.85, "ru", "Архангельская область", "Архангельск"), 10),
        (new("RU", "Vologda Oblast", "Vologda", 0.85, "ru", "Вологодская область", "Вологда"), 9),
        (new("RU", "Republic of Karelia", "Petrozavodsk", 0.85, "ru", "Республика Карелия", "Петрозаводск"), 7),
        (new("RU", "Krasnoyarsk Krai", "Krasnoyarsk", 0.9, "ru", "Красноярский край", "Красноярск"), 7),
        (new("RU", "Irkutsk Oblast", "Irkutsk", 0.9, "ru", "Иркутская область", "Иркутск"), 7),
        (new("RU", "Komi Republic", "Syktyvkar", 0.9, "ru", "Республика Коми", "Сыктывкар"), 4),
        (new("RU", "Leningrad Oblast", "Saint Petersburg", 0.75, "ru", "Ленинградская область", "Санкт-Петербург"), 8),
        (new("RU", "Kirov Oblast", "Kirov", 0.9, "ru", "Кировская область", "Киров"), 3),
        (new("RU", "Tomsk Oblast", "Tomsk", 0.9, "ru", "Томская область", "Томск"), 3),
        (new("RU", "Khabarovsk Krai", "Khabarovsk", 0.85, "ru", "Хабаровский край", "Хабаровск"), 3),
        (new("RU", "Perm Krai", "Perm", 0.9, "ru", "Пермский край", "Пермь"), 3),
        (new("RU", "Novgorod Oblast", "Veliky Novgorod", 0.9, "ru", "Новгородская область", "Великий Новгород"), 2),
        (new("FI", "Kymenlaakso", "Kotka", 0.1, "fi", "Кюменлааксо", "Котка"), 3),
        (new("FI", "North Karelia", "Joensuu", 0.1, "fi", "Северная Карелия", "Йоэнсуу"), 2),
        (new("FI", "Uusimaa", "Helsinki", 0.1, "fi", "Уусимаа", "Хельсинки"), 2),
        (new("SE", "Västernorrland", "Sundsvall", 0.05, "sv", "Вестерноррланд", "Сундсвалль"), 2),
        (new("SE", "Värmland", "Karlstad", 0.05, "sv", "Вермланд", "Карлстад"), 2),
        (new("DE", "Bavaria", "Munich", 0.05, "de", "Бавария", "Мюнхен"), 2),
        (new("DE", "North Rhine-Westphalia", "Cologne", 0.05, "de", "Северный Рейн — Вестфалия", "Кёльн"), 2),
        (new("DE", "Lower Saxony", "Hanover", 0.05, "de", "Нижняя Саксония", "Ганновер"), 1),
        (new("BY", "Minsk Region", "Minsk", 0.8, "ru", "Минская область", "Минск"), 3),
        (new("BY", "Vitebsk Region", "Vitebsk", 0.8, "ru", "Витебская область", "Витебск"), 2),
        (new("KZ", "Almaty", "Almaty", 0.7, "ru", "Алматы", "Алматы"), 2),
        (new("KZ", "Astana", "Astana", 0.7, "ru", "Астана", "Астана"), 1),
        (new("CN", "Heilongjiang", "Harbin", 0.15, "zh_CN", "Хэйлунцзян", "Харбин"), 2),
        (new("CN", "Shandong", "Qingdao", 0.05, "zh_CN", "Шаньдун", "Циндао"), 2),
        (new("CN", "Jiangsu", "Nanjing", 0.05, "zh_CN", "Цзянсу", "Нанкин"), 1),
        (new("EE", "Harju County", "Tallinn", 0.35, "fi", "Харьюмаа", "Таллин"), 2),
        (new("EE", "Pärnu County", "Pärnu", 0.3, "fi", "Пярнумаа", "Пярну"), 1),
        (new("LV", "Riga", "Riga", 0.35, "lv", "Рига", "Рига"), 2),
        (new("LV", "Latgale", "Daugavpils", 0.5, "lv", "Латгалия", "Даугавпилс"), 1),
    ];

    /// <summary>Currencies a country's traders quote in, with weights.</summary>
    public static (string Currency, int Weight)[] CurrenciesOf(string country) => country switch
    {
        "RU" => [("RUB", 85), ("EUR", 8), ("USD", 4), ("CNY", 3)],
        "BY" => [("BYN", 50), ("RUB", 30), ("USD", 20)],
        "KZ" => [("KZT", 50), ("RUB", 30), ("USD", 20)],
        "CN" => [("CNY", 60), ("USD", 40)],
        _ => [("EUR", 90), ("USD", 10)],
    };

    /// <summary>Roubles per unit of a currency in the middle of the demo period, before its monthly drift.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> RateLevels = new Dictionary<string, decimal>
    {
        ["EUR"] = 98m, ["USD"] = 90m, ["CNY"] = 12.6m, ["BYN"] = 28.5m, ["KZT"] = 0.18m,
    };

    public static readonly Text[] Incoterms =
    [
        T("FCA station of departure", "FCA станция отправления"), T("EXW warehouse", "EXW склад продавца"), T("CPT St. Petersburg", "CPT Санкт-Петербург"),
        T("DAP buyer's warehouse", "DAP склад покупателя"), T("FOB Arkhangelsk", "FOB Архангельск"), T("CPT Zabaikalsk", "CPT Забайкальск"),
        T("DAP Kotka", "DAP Котка"),
    ];

    public static readonly Text[] Payments =
    [
        T("30 % prepayment, balance against shipping documents", "предоплата 30 %, остаток по отгрузочным документам"),
        T("100 % prepayment", "100 % предоплата"), T("letter of credit", "аккредитив"), T("payment on delivery", "оплата по факту поставки"),
    ];

    public static readonly Text[] Certificates =
    [
        T("FSC certified", "сертификат FSC"), T("PEFC certified", "сертификат PEFC"), T("phytosanitary certificate", "фитосанитарный сертификат"),
        T("certificate of origin", "сертификат происхождения"),
    ];

    public static readonly Text[] RequestPrefixes = [T("Wanted: ", "Куплю: "), T("Buying: ", "Закупаем: "), T("Request: ", "Требуется: ")];

    public static readonly string[] OrganizationStemsRu = ["Север", "Тайга", "Помор", "Кедр", "Онега", "Двина", "Ангара", "Вятка", "Сибирь", "Вага", "Сухона", "Ладога"];
    public static readonly string[] OrganizationEndsRu = ["лес", "лесэкспорт", "лесопром", "вуд", "древ", "пеллет", "лесторг", "металл", "снаб", "агро", "торг"];
    public static readonly string[] OrganizationStemsEn = ["Nordic", "Baltic", "Boreal", "Taiga", "Karelia", "Lakeland", "Hansa", "Silva", "Northern", "Amber", "Polar", "Green"];
    public static readonly string[] OrganizationEndsEn = ["Timber", "Wood", "Forest", "Pellets", "Fibre", "Trading", "Sawmills", "Panels", "Metals", "Supply", "Agro"];

    public static string LegalForm(string country, int pick) => country switch
    {
        "RU" => pick % 3 == 0 ? "АО" : "ООО",
        "BY" => pick % 2 == 0 ? "ОАО" : "ООО",
        "KZ" => "ТОО",
        "FI" => "Oy",
        "SE" => "AB",
        "DE" => "GmbH",
        "EE" => "OÜ",
        "LV" => "SIA",
        "CN" => "Co., Ltd.",
        _ => "Ltd",
    };
}
