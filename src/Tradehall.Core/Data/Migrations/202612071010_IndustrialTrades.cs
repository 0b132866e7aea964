using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tradehall.Core.Data.Migrations;

/// <summary>
/// MKT-01, MKT-02: categories get synonyms, can be retired or merged into a successor, and carry a version the category
/// cache compares. A database already seeded with the timber taxonomy gets the trades added since — metals, building
/// materials, chemicals, food, fuel, more machinery, packaging, textiles, transport services — and the seeded synonyms of
/// its first categories. An empty table is left empty: the whole taxonomy is seeded at start from the code.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202612071010_IndustrialTrades")]
public sealed class IndustrialTrades : Migration
{
    /// <summary>The categories added to a seeded tree: id, parent, code, English and Russian names, order among siblings, synonyms.</summary>
    private static readonly (int Id, int? ParentId, string Code, string NameEn, string NameRu, int SortOrder, string Synonyms)[] Added =
    [
        (200, 57, "industrial-machines", "Industrial machines", "Промышленное оборудование", 4, "industrial equipment, промышленное оборудование"),
        (201, 200, "metalworking-machines", "Metalworking machines", "Металлообрабатывающие станки", 0, "lathe, milling machine, CNC, токарный станок, фрезерный станок, ЧПУ, металлообработка"),
        (202, 200, "food-processing-equipment", "Food processing equipment", "Оборудование для пищевого производства", 1, "food equipment, food processing, пищевое оборудование"),
        (203, 200, "packaging-machines", "Packaging machines", "Упаковочное оборудование", 2, "packaging machine, упаковочная машина, упаковочное оборудование"),
        (204, 57, "construction-machinery", "Construction machinery", "Строительная техника", 5, "construction machinery, строительная техника, спецтехника"),
        (205, 204, "excavators", "Excavators", "Экскаваторы", 0, "excavator, экскаватор, экскаваторы"),
        (206, 204, "loaders", "Loaders", "Погрузчики", 1, "loader, forklift, front loader, погрузчик, вилочный погрузчик, фронтальный погрузчик"),
        (207, 204, "cranes", "Cranes", "Краны", 2, "crane, truck crane, кран, автокран, башенный кран"),
        (208, 57, "agricultural-machinery", "Agricultural machinery", "Сельскохозяйственная техника", 6, "agricultural machinery, farm machinery, сельхозтехника"),
        (209, 208, "tractors", "Tractors", "Тракторы", 0, "tractor, трактор, тракторы"),
        (210, 208, "combines", "Combine harvesters", "Зерноуборочные комбайны", 1, "combine, combine harvester, комбайн, зерноуборочный комбайн"),
        (211, 57, "pumps-compressors", "Pumps and compressors", "Насосы и компрессоры", 7, "pumps and compressors, насосное оборудование"),
        (212, 211, "pumps", "Pumps", "Насосы", 0, "pump, насос, насосы"),
        (213, 211, "compressors", "Compressors", "Компрессоры", 1, "compressor, компрессор, компрессоры"),
        (214, 57, "trucks-trailers", "Trucks and trailers", "Грузовые автомобили и прицепы", 8, "truck, trailer, semi-trailer, грузовик, тягач, прицеп, полуприцеп"),
        (240, 67, "road-freight", "Road freight", "Автомобильные перевозки", 0, "road freight, trucking, FTL, LTL, автоперевозки, автомобильные перевозки, фура"),
        (241, 67, "rail-freight", "Rail freight", "Железнодорожные перевозки", 1, "rail freight, railway, wagon, ж-д перевозки, железнодорожные перевозки, вагон"),
        (242, 67, "sea-containers", "Sea container shipping", "Морские контейнерные перевозки", 2, "container, sea freight, 40ft container, контейнер, морские перевозки, фрахт"),
        (243, 67, "warehousing", "Warehousing", "Складские услуги", 3, "warehouse, storage, склад, хранение, ответственное хранение"),
        (244, 67, "customs-brokerage", "Customs brokerage", "Таможенное оформление", 4, "customs, customs broker, таможня, таможенный брокер, растаможка"),
        (100, null, "metals", "Metals and metal products", "Металлы и металлопрокат", 9, "metal, metals, metal products, металл, металлы, металлопрокат, прокат"),
        (101, 100, "ferrous-metals", "Ferrous rolled metal", "Чёрный металлопрокат", 0, "steel, ferrous metal, сталь, чёрный металл, черный металлопрокат"),
        (102, 101, "rebar", "Rebar", "Арматура", 0, "rebar, reinforcing bar, A500C, арматура, арматурная сталь, А500С"),
        (103, 101, "steel-sheet", "Steel sheet and plate", "Листовой прокат", 1, "steel sheet, steel plate, hot-rolled sheet, cold-rolled sheet, лист, листовой металл, горячекатаный лист, холоднокатаный лист, оцинкованный лист"),
        (104, 101, "steel-pipes", "Steel pipes", "Трубы стальные", 2, "pipe, pipes, tube, steel pipe, труба, трубы, профильная труба, электросварная труба"),
        (105, 101, "beams-channels", "Beams and channels", "Балка и швеллер", 3, "I-beam, H-beam, channel, балка, двутавр, швеллер"),
        (106, 101, "steel-angles", "Steel angles", "Уголок стальной", 4, "angle, steel angle, уголок, уголок стальной"),
        (107, 101, "wire-rod", "Wire rod and wire", "Катанка и проволока", 5, "wire rod, wire, катанка, проволока"),
        (108, 101, "steel-billets", "Billets and slabs", "Заготовка и слябы", 6, "billet, slab, заготовка, слябы, квадратная заготовка"),
        (110, 100, "non-ferrous-metals", "Non-ferrous metals", "Цветные металлы", 1, "non-ferrous metals, цветмет, цветные металлы"),
        (111, 110, "aluminium", "Aluminium", "Алюминий", 0, "aluminium, aluminum, алюминий, алюминиевый"),
        (112, 110, "copper", "Copper", "Медь", 1, "copper, copper cathode, медь, медный, катодная медь"),
        (113, 110, "nickel", "Nickel", "Никель", 2, "nickel, никель"),
        (114, 110, "zinc-lead", "Zinc and lead", "Цинк и свинец", 3, "zinc, lead, цинк, свинец"),
        (115, 100, "scrap-metal", "Scrap metal", "Металлолом", 2, "scrap, scrap metal, металлолом, лом, вторчермет"),
        (116, 115, "ferrous-scrap", "Ferrous scrap", "Лом чёрных металлов", 0, "steel scrap, HMS, лом чёрных металлов, черный лом, 3А"),
        (117, 115, "non-ferrous-scrap", "Non-ferrous scrap", "Лом цветных металлов", 1, "non-ferrous scrap, лом цветных металлов, лом меди, лом алюминия"),
        (118, 100, "fasteners", "Fasteners and hardware", "Метизы и крепёж", 3, "fasteners, bolts, nuts, screws, метизы, крепёж, болты, гайки, саморезы"),
        (120, null, "building-materials", "Building materials", "Строительные материалы", 10, "building materials, construction materials, стройматериалы, строительные материалы"),
        (121, 120, "cement", "Cement", "Цемент", 0, "cement, Portland cement, цемент, портландцемент, ЦЕМ I"),
        (122, 120, "concrete", "Concrete and precast", "Бетон и ЖБИ", 1, "concrete, бетон, ЖБИ"),
        (123, 122, "ready-mix-concrete", "Ready-mix concrete", "Товарный бетон", 0, "ready-mix concrete, товарный бетон, бетон М300, раствор"),
        (124, 122, "building-blocks", "Building blocks", "Стеновые блоки", 1, "blocks, aerated concrete, gas blocks, газобетон, газоблок, пеноблок, керамзитобетон"),
        (125, 122, "precast-concrete", "Precast concrete products", "Железобетонные изделия", 2, "precast concrete, reinforced concrete, плиты перекрытия, ЖБИ, железобетон, сваи"),
        (126, 120, "bricks", "Bricks", "Кирпич", 2, "brick, bricks, кирпич, облицовочный кирпич, керамический кирпич"),
        (127, 120, "insulation", "Insulation", "Теплоизоляция", 3, "insulation, mineral wool, stone wool, утеплитель, минвата, минеральная вата, пенопласт"),
        (128, 120, "roofing", "Roofing", "Кровельные материалы", 4, "roofing, metal tiles, roofing felt, кровля, металлочерепица, профнастил, рубероид"),
        (129, 120, "dry-mixes", "Dry mixes and plasters", "Сухие строительные смеси", 5, "dry mix, plaster, tile adhesive, сухие смеси, штукатурка, плиточный клей, шпаклёвка"),
        (130, 120, "glass", "Flat glass", "Листовое стекло", 6, "glass, float glass, стекло, флоат-стекло"),
        (131, 120, "aggregates", "Sand, gravel and crushed stone", "Песок, щебень, гравий", 7, "sand, gravel, crushed stone, песок, щебень, гравий, нерудные материалы"),
        (132, 120, "plasterboard", "Plasterboard", "Гипсокартон", 8, "plasterboard, drywall, gypsum board, гипсокартон, ГКЛ"),
        (140, null, "chemicals", "Chemicals and plastics", "Химия и пластмассы", 11, "chemicals, plastics, химия, химическая продукция, пластмассы"),
        (141, 140, "polymers", "Polymers", "Полимеры", 0, "polymers, plastics, resin, полимеры, пластик"),
        (142, 141, "polyethylene", "Polyethylene (PE)", "Полиэтилен (ПЭ)", 0, "polyethylene, PE, HDPE, LDPE, полиэтилен, ПЭ, ПНД, ПВД"),
        (143, 141, "polypropylene", "Polypropylene (PP)", "Полипропилен (ПП)", 1, "polypropylene, PP, полипропилен, ПП"),
        (144, 141, "pvc", "Polyvinyl chloride (PVC)", "Поливинилхлорид (ПВХ)", 2, "PVC, polyvinyl chloride, ПВХ, поливинилхлорид"),
        (145, 141, "pet", "Polyethylene terephthalate (PET)", "Полиэтилентерефталат (ПЭТ)", 3, "PET, PET granules, ПЭТ, ПЭТФ"),
        (146, 140, "fertilizers", "Fertilizers", "Минеральные удобрения", 1, "fertilizers, fertilisers, удобрения, минудобрения"),
        (147, 146, "nitrogen-fertilizers", "Nitrogen fertilizers", "Азотные удобрения", 0, "urea, ammonium nitrate, UAN, карбамид, аммиачная селитра, КАС"),
        (148, 146, "potash-fertilizers", "Potash fertilizers", "Калийные удобрения", 1, "potash, potassium chloride, MOP, калий хлористый, хлористый калий"),
        (149, 146, "phosphate-fertilizers", "Phosphate and compound fertilizers", "Фосфорные и комплексные удобрения", 2, "NPK, DAP, MAP, phosphate, аммофос, диаммофоска, нитроаммофоска"),
        (150, 140, "industrial-chemicals", "Industrial chemicals", "Промышленная химия", 2, "industrial chemicals, технические химикаты, промышленная химия"),
        (151, 150, "acids-alkalis", "Acids and alkalis", "Кислоты и щёлочи", 0, "acid, alkali, caustic soda, sulfuric acid, кислота, щёлочь, каустическая сода, серная кислота"),
        (152, 150, "solvents", "Solvents", "Растворители", 1, "solvent, solvents, растворитель, растворители, ацетон, уайт-спирит"),
        (153, 150, "resins-adhesives", "Resins and adhesives", "Смолы и клеи", 2, "resin, glue, adhesive, смола, клей, карбамидоформальдегидная смола"),
        (154, 140, "paints-coatings", "Paints and coatings", "Лакокрасочные материалы", 3, "paint, paints, coatings, varnish, краска, краски, эмаль, лак, ЛКМ"),
        (160, null, "agriculture-food", "Agriculture and food", "Сельское хозяйство и продукты питания", 12, "agriculture, agro, food, сельхозпродукция, агро, продукты питания"),
        (161, 160, "grain", "Grain", "Зерновые культуры", 0, "grain, cereals, зерно, зерновые"),
        (162, 161, "wheat", "Wheat", "Пшеница", 0, "wheat, milling wheat, пшеница, продовольственная пшеница, фуражная пшеница"),
        (163, 161, "barley", "Barley", "Ячмень", 1, "barley, malting barley, ячмень, пивоваренный ячмень"),
        (164, 161, "corn", "Corn", "Кукуруза", 2, "corn, maize, кукуруза"),
        (165, 161, "rye-oats", "Rye and oats", "Рожь и овёс", 3, "rye, oats, рожь, овёс, овес"),
        (166, 160, "oilseeds", "Oilseeds", "Масличные культуры", 1, "oilseeds, масличные"),
        (167, 166, "sunflower-seeds", "Sunflower seeds", "Подсолнечник", 0, "sunflower, sunflower seeds, подсолнечник, семечка, семена подсолнечника"),
        (168, 166, "rapeseed", "Rapeseed", "Рапс", 1, "rapeseed, canola, рапс"),
        (169, 166, "soybeans", "Soybeans", "Соя", 2, "soy, soya, soybeans, соя, соевые бобы"),
        (170, 160, "vegetable-oils", "Vegetable oils", "Растительные масла", 2, "vegetable oil, edible oil, растительное масло"),
        (171, 170, "sunflower-oil", "Sunflower oil", "Подсолнечное масло", 0, "sunflower oil, подсолнечное масло, масло подсолнечное"),
        (172, 170, "rapeseed-oil", "Rapeseed oil", "Рапсовое масло", 1, "rapeseed oil, canola oil, рапсовое масло"),
        (173, 160, "sugar", "Sugar", "Сахар", 3, "sugar, beet sugar, сахар, сахар-песок"),
        (174, 160, "flour-cereals", "Flour and groats", "Мука и крупы", 4, "flour, groats, мука, крупа, крупы, гречка"),
        (175, 160, "dairy", "Dairy products", "Молочная продукция", 5, "dairy, milk, butter, cheese, молоко, молочка, сыр, сливочное масло, сухое молоко"),
        (176, 160, "meat", "Meat and poultry", "Мясо и птица", 6, "meat, poultry, chicken, pork, beef, мясо, птица, курица, свинина, говядина"),
        (177, 160, "fish-seafood", "Fish and seafood", "Рыба и морепродукты", 7, "fish, seafood, рыба, морепродукты, минтай"),
        (178, 160, "fruit-vegetables", "Fruit and vegetables", "Овощи и фрукты", 8, "fruit, vegetables, produce, овощи, фрукты, картофель"),
        (179, 160, "animal-feed", "Animal feed", "Корма для животных", 9, "feed, fodder, meal, комбикорм, корма, шрот, жмых"),
        (180, null, "fuel-energy", "Fuel and energy", "Топливо и энергетика", 13, "fuel, energy, топливо, энергетика, нефтепродукты"),
        (181, 180, "coal", "Coal", "Уголь", 0, "coal, thermal coal, coking coal, уголь, каменный уголь, энергетический уголь"),
        (182, 180, "diesel", "Diesel fuel", "Дизельное топливо", 1, "diesel, diesel fuel, gasoil, дизель, дизтопливо, ДТ, солярка"),
        (183, 180, "petrol", "Petrol", "Бензин", 2, "petrol, gasoline, бензин, АИ-92, АИ-95"),
        (184, 180, "fuel-oil", "Fuel oil", "Мазут", 3, "fuel oil, mazut, мазут, топочный мазут"),
        (185, 180, "lpg", "Liquefied petroleum gas (LPG)", "Сжиженный углеводородный газ (СУГ)", 4, "LPG, propane, butane, сжиженный газ, пропан, бутан, СУГ"),
        (186, 180, "lubricants", "Lubricants", "Масла и смазки", 5, "lubricants, motor oil, масло, смазки, моторное масло"),
        (187, 180, "electrical-equipment", "Electrical equipment", "Электрооборудование", 6, "electrical equipment, электрооборудование, электротехника"),
        (188, 187, "generators", "Generators and power plants", "Генераторы и электростанции", 0, "generator, genset, power plant, генератор, дизель-генератор, электростанция"),
        (189, 187, "transformers", "Transformers and switchgear", "Трансформаторы и распределительные устройства", 1, "transformer, switchgear, трансформатор, КТП, распределительное устройство"),
        (190, 187, "cables", "Cables and wires", "Кабель и провод", 2, "cable, wire, кабель, провод, ВВГ"),
        (220, null, "packaging", "Packaging", "Тара и упаковка", 14, "packaging, packing, тара, упаковка"),
        (221, 220, "pallets", "Pallets", "Поддоны", 0, "pallet, pallets, euro pallet, поддон, поддоны, паллеты, европоддон"),
        (222, 220, "packaging-films", "Packaging films", "Упаковочная плёнка", 1, "stretch film, shrink film, film, стрейч-плёнка, стрейч-пленка, термоусадочная плёнка, плёнка, пленка"),
        (223, 220, "bags", "Bags and big bags", "Мешки и биг-бэги", 2, "bags, big bags, FIBC, мешки, биг-бэги, полипропиленовые мешки"),
        (224, 220, "containers-drums", "Drums, canisters and IBCs", "Бочки, канистры и еврокубы", 3, "drum, barrel, canister, IBC, бочка, канистра, еврокуб"),
        (230, null, "textiles", "Textiles", "Текстиль", 15, "textiles, текстиль"),
        (231, 230, "yarn", "Yarn", "Пряжа", 0, "yarn, пряжа, нить"),
        (232, 230, "fabrics", "Fabrics", "Ткани", 1, "fabric, fabrics, cloth, ткань, ткани"),
        (233, 230, "workwear", "Workwear and PPE", "Спецодежда и СИЗ", 2, "workwear, PPE, спецодежда, СИЗ, рабочая одежда"),
        (234, 230, "nonwovens", "Nonwovens", "Нетканые материалы", 3, "nonwovens, geotextile, spunbond, нетканые материалы, геотекстиль, спанбонд"),
    ];

    /// <summary>Synonyms of the categories seeded first (ids 1–69).</summary>
    private static readonly Dictionary<int, string> FirstSynonyms = new()
    {
        [1] = "round timber, logs, roundwood, круглый лес, кругляк, лес-кругляк, брёвна, бревно",
        [2] = "softwood sawlogs, conifer logs, хвойный лес, хвойное бревно",
        [3] = "pine, pine logs, сосна, сосновый пиловочник, бревно сосна",
        [4] = "spruce, spruce logs, ель, ёлка, еловый пиловочник",
        [5] = "larch, larch logs, лиственница, лиственничный пиловочник",
        [6] = "hardwood, hardwood logs, лиственные породы, твёрдые породы",
        [7] = "birch, birch logs, veneer logs, берёза, береза, фанкряж, фанерный кряж",
        [8] = "oak, oak logs, дуб, дубовое бревно",
        [9] = "pulp logs, pulpwood, баланс, балансы, балансовая древесина",
        [10] = "lumber, timber, sawn wood, пиломатериал, пиломатериалы, лесоматериалы",
        [11] = "softwood, conifer lumber, хвойный пиломатериал",
        [12] = "board, boards, plank, planks, edged boards, доска, доски, обрезная доска",
        [13] = "beam, beams, squared timber, baulk, брус, брусья, бруса",
        [14] = "batten, battens, lath, laths, рейка, рейки, брусок, бруски",
        [15] = "unedged board, waney edge boards, необрезная доска, доска необрезная",
        [16] = "hardwood lumber, лиственный пиломатериал",
        [17] = "oak boards, дубовая доска, доска дуб",
        [18] = "birch boards, берёзовая доска, доска берёза",
        [19] = "planed timber, moulding, S4S, строганый погонаж, погонаж, строганая доска",
        [20] = "deck boards, decking, террасная доска, декинг",
        [21] = "lining, siding, вагонка, имитация бруса, блок-хаус",
        [22] = "floorboards, floor boards, половая доска, шпунтованная доска, доска пола",
        [23] = "engineered timber, клеёная древесина",
        [24] = "glulam, GL24h, клеёный брус, клееный брус",
        [25] = "CLT, CLT panels, CLT-панели",
        [26] = "LVL, LVL beam, брус LVL, ЛВЛ",
        [27] = "wood panels, board materials, плиты, листовые материалы",
        [28] = "plywood, ply, фанера, ФК, ФСФ",
        [29] = "birch plywood, берёзовая фанера, фанера берёза",
        [30] = "softwood plywood, хвойная фанера",
        [31] = "formwork plywood, laminated plywood, ламинированная фанера, опалубочная фанера",
        [32] = "OSB, OSB-3, oriented strand board, ОСП, ОСБ, плита OSB",
        [33] = "chipboard, particle board, ДСП, ЛДСП, древесностружечная плита",
        [34] = "fiberboard, ДВП, древесноволокнистая плита",
        [35] = "MDF, МДФ",
        [36] = "hardboard, ДВП, оргалит",
        [37] = "pulp and paper, целлюлозно-бумажная продукция",
        [38] = "pulp, market pulp, целлюлоза",
        [39] = "NBSK, BHKP, bleached pulp, беленая целлюлоза",
        [40] = "unbleached pulp, UKP, небеленая целлюлоза",
        [41] = "paper, бумага",
        [42] = "newsprint, газетная бумага",
        [43] = "copy paper, A4 paper, офисная бумага, бумага А4",
        [44] = "paperboard, cardboard, картон, упаковка",
        [45] = "kraftliner, testliner, fluting, крафтлайнер, тарный картон, флютинг",
        [46] = "corrugated boxes, cartons, гофрокороб, гофрокартон, гофроящик",
        [47] = "biofuel, biomass, биотопливо, биомасса",
        [48] = "pellets, wood pellets, пеллеты, пелеты, гранулы, топливные гранулы",
        [49] = "industrial pellets, I2, промышленные пеллеты",
        [50] = "ENplus A1, premium pellets, white pellets, пеллеты премиум, белые пеллеты",
        [51] = "briquettes, RUF, Pini Kay, брикеты, евродрова",
        [52] = "wood chips, chips, щепа, древесная щепа",
        [53] = "firewood, дрова, колотые дрова",
        [54] = "sawmill residues, wood waste, отходы, древесные отходы, отходы лесопиления",
        [55] = "sawdust, опилки, стружка",
        [56] = "bark, кора, мульча",
        [57] = "equipment, machines, machinery, оборудование, техника, станки",
        [58] = "forestry equipment, лесная техника, лесозаготовительная техника",
        [59] = "harvester, харвестер, харвестеры",
        [60] = "forwarder, форвардер, форвардеры",
        [61] = "sawmill, лесопилка, пилорама, лесопильное оборудование",
        [62] = "sawline, band saw, пила, пилы, пилорама, ленточная пилорама",
        [63] = "kiln, drying chamber, сушильная камера, сушилка",
        [64] = "woodworking, деревообрабатывающее оборудование, станок, станки",
        [65] = "spare parts, parts, запчасти, запасные части, комплектующие",
        [66] = "services, услуги",
        [67] = "logistics, transport, freight, shipping, логистика, перевозки, грузоперевозки, доставка",
        [68] = "drying, kiln drying, сушка, антисептирование",
        [69] = "inspection, FSC, PEFC, сертификация, инспекция",
    };

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Synonyms", table: "marketplace_categories", maxLength: 1000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<bool>(name: "Retired", table: "marketplace_categories", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<int>(name: "MergedIntoId", table: "marketplace_categories", nullable: true);
        migrationBuilder.AddColumn<int>(name: "Version", table: "marketplace_categories", nullable: false, defaultValue: 1);

        // Only into a tree seeded before, and never over a category of the same id or code.
        var values = string.Join(",\n", Added.Select(c =>
            $"({c.Id}, {(c.ParentId is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "NULL")}, {Text(c.Code)}, {Text(c.NameEn)}, {Text(c.NameRu)}, {c.SortOrder}, {Text(c.Synonyms)})"));
        migrationBuilder.Sql($"""
            INSERT INTO marketplace_categories ("Id", "ParentId", "Code", "NameEn", "NameRu", "SortOrder", "Synonyms")
            SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7 FROM (VALUES
            {values}
            ) AS v
            WHERE EXISTS (SELECT 1 FROM marketplace_categories)
              AND NOT EXISTS (SELECT 1 FROM marketplace_categories c WHERE c."Id" = v.column1 OR c."Code" = v.column3)
            """);
        var cases = string.Join("\n", FirstSynonyms.Select(s => $"WHEN {s.Key} THEN {Text(s.Value)}"));
        migrationBuilder.Sql($"""
            UPDATE marketplace_categories SET "Synonyms" = CASE "Id"
            {cases}
            END, "Version" = "Version" + 1
            WHERE "Synonyms" = '' AND "Id" IN ({string.Join(", ", FirstSynonyms.Keys)})
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"DELETE FROM marketplace_categories WHERE \"Id\" IN ({string.Join(", ", Added.Select(c => c.Id))})");
        migrationBuilder.DropColumn(name: "Synonyms", table: "marketplace_categories");
        migrationBuilder.DropColumn(name: "Retired", table: "marketplace_categories");
        migrationBuilder.DropColumn(name: "MergedIntoId", table: "marketplace_categories");
        migrationBuilder.DropColumn(name: "Version", table: "marketplace_categories");
    }

    private static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
