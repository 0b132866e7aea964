namespace Tradehall.Demo;

/// <summary>
/// The demo market beyond timber: metals, building materials, chemicals and plastics, grain and food, fuel, machinery,
/// packaging, textiles and transport services, per category of the seeded taxonomy. Made by methods rather than field
/// initializers, because the order in which two files of one class initialize their fields is not defined.
/// </summary>
internal static partial class DemoMarketCatalog
{
    private static Dictionary<int, Sector> IndustrySectors()
    {
        Text[] roads = [T("trucks", "автотранспортом"), T("rail wagons", "ж/д вагонами")];
        Text conformity = T("declaration of conformity", "декларация соответствия");
        return new()
        {
            [100] = new(100, 0.003, 0.04, 4, T("From the mill's stock yard, cutting to size, quality certificate with every lot.", "Со склада металлобазы, резка в размер, сертификат качества на каждую партию."),
                roads, [T("mill certificate", "сертификат качества завода"), T("certificate of conformity", "сертификат соответствия")]),
            [120] = new(120, 0.004, 0.10, 6, T("From the plant's warehouse, delivery to the site by our own trucks.", "Со склада завода, доставка на объект собственным транспортом."),
                roads, [conformity, T("quality passport", "паспорт качества")]),
            [140] = new(140, 0.002, 0.03, 3, T("Manufacturer's quality passport and safety data sheet with every lot.", "Паспорт качества производителя и паспорт безопасности на каждую партию."),
                [.. roads, T("containers", "контейнерами")], [T("quality passport and SDS", "паспорт качества и паспорт безопасности"), T("certificate of analysis", "сертификат анализа")]),
            [160] = new(160, 0.003, 0.08, 5, T("New crop, a laboratory protocol for every lot, loading at the elevator.", "Урожай текущего года, протокол лаборатории на каждую партию, отгрузка с элеватора."),
                [T("grain trucks", "зерновозами"), T("rail hopper wagons", "ж/д хопперами"), T("bulk vessels", "судами навалом")],
                [T("laboratory protocol", "протокол лабораторных испытаний"), T("phytosanitary certificate", "фитосанитарный сертификат"), conformity]),
            [175] = new(175, 0.004, 0.05, 12, T("Made under veterinary and laboratory control, unbroken cold chain.", "Производство под ветеринарным и лабораторным контролем, непрерывная холодовая цепь."),
                [T("refrigerated trucks", "рефрижераторами"), T("trucks", "автотранспортом")], [T("veterinary certificate", "ветеринарное свидетельство"), conformity]),
            [180] = new(180, 0.005, 0.08, 12, T("Quality passport with every lot, steady supply under a contract.", "Паспорт качества на каждую партию, стабильные поставки по договору."),
                [T("tank trucks", "бензовозами"), T("rail tank cars", "ж/д цистернами"), T("rail wagons", "ж/д вагонами")],
                [T("quality passport", "паспорт качества"), T("certificate of origin", "сертификат происхождения")]),
            [220] = new(220, 0.003, 0.05, 9, T("Own production, stock in the warehouse, your logo printed on request.", "Собственное производство, наличие на складе, нанесение логотипа по запросу."),
                [T("trucks", "автотранспортом")], [conformity, T("ISPM 15 marking", "маркировка ISPM 15")]),
            [230] = new(230, 0.002, 0.04, 8, T("Own production, samples on request, sizes and colours to order.", "Собственное производство, образцы по запросу, размеры и цвета под заказ."),
                [T("trucks", "автотранспортом"), T("containers", "контейнерами")], [conformity, T("test report", "протокол испытаний")]),
        };
    }

    private static Product[] IndustryProducts()
    {
        Text[] metal = [T("11.7 m lengths", "длина 11,7 м"), T("cut to 6 m", "порезка 6 м"), T("steel S255", "сталь С255"), T("lot from 20 t", "партия от 20 т")];
        Text[] rebar = [T("11.7 m lengths", "длина 11,7 м"), T("in coils", "в бухтах"), T("cut to 6 m", "порезка 6 м"), T("GOST 34028-2016", "ГОСТ 34028-2016")];
        Text[] sheet = [T("1500×6000 mm, steel S235", "1500×6000 мм, ст3сп"), T("1250×2500 mm, 08ps", "1250×2500 мм, 08пс"), T("coil, width 1250 mm", "рулон, ширина 1250 мм")];
        Text[] nonFerrous = [T("ingots, lot from 20 t", "чушки, партия от 20 т"), T("LME-registered brand", "марка LME"), T("mill certificate", "сертификат завода")];
        Text[] scrap = [T("pickup by our trucks", "вывоз своим транспортом"), T("certified scales", "взвешивание на поверенных весах"), T("regular volumes", "регулярные объёмы")];
        Text[] bulk = [T("bulk", "навалом"), T("bags 50 kg", "мешки по 50 кг"), T("big bags 1 t", "биг-бэги 1 т")];
        Text[] concrete = [T("mixer trucks", "автобетоносмесителями"), T("with a concrete pump", "с подачей бетононасосом"), T("winter additives", "с зимними добавками")];
        Text[] blocks = [N("600×300×200"), N("600×250×400"), T("on pallets", "на поддонах")];
        Text[] insulation = [T("density 35 kg/m³", "плотность 35 кг/м³"), T("50 mm thick", "толщина 50 мм"), T("100 mm thick", "толщина 100 мм")];
        Text[] polymer = [T("bags 25 kg", "мешки по 25 кг"), T("primary grade", "первичный"), T("recycled granules", "вторичная гранула")];
        Text[] chemical = [T("bags 25 kg", "мешки по 25 кг"), T("rail tank cars", "в цистернах"), T("IBC containers", "в еврокубах")];
        Text[] grain = [T("moisture ≤ 14 %", "влажность ≤ 14 %"), T("FCA elevator", "FCA элеватор"), T("CPT Novorossiysk", "CPT Новороссийск"), T("crop of 2026", "урожай 2026 г.")];
        Text[] oil = [T("flexitanks", "во флекситанках"), T("bulk, tank trucks", "наливом, автоцистерны"), T("PET bottles 5 l", "ПЭТ-бутылки 5 л")];
        Text[] food = [T("frozen, −18 °C", "заморозка −18 °C"), T("chilled", "охлаждённая"), T("shelf life 12 months", "срок годности 12 месяцев")];
        Text[] fuel = [T("from the tank farm", "с нефтебазы"), T("delivery by tank trucks", "доставка бензовозами"), T("class K5", "класс К5")];
        Text[] coal = [T("5,500 kcal/kg", "5500 ккал/кг"), T("wagon lots", "повагонно"), T("ash ≤ 15 %", "зольность ≤ 15 %")];
        Text[] tools = [T("new, warranty 24 months", "новое, гарантия 24 месяца"), T("used, 2018, in working order", "б/у, 2018 г., в рабочем состоянии"), T("with commissioning", "с пусконаладкой")];
        Text[] goods = [T("in stock", "в наличии"), T("to order, 2 weeks", "под заказ, 2 недели"), T("with your logo", "с вашим логотипом")];
        Text[] sea = [T("door to door", "от двери до двери"), T("port to port", "порт – порт"), T("with customs clearance", "с таможенным оформлением")];
        return
        [
            P(100, 100, "t", 70_000, ["Metal products, assorted", "Rolled steel from stock"], ["Металлопрокат в ассортименте", "Металлопрокат со склада"], metal),
            P(101, 100, "t", 65_000, ["Ferrous rolled metal", "Long steel products"], ["Чёрный металлопрокат", "Сортовой прокат"], metal),
            P(102, 100, "t", 58_000, ["Rebar A500C 12 mm", "Rebar A500C 16 mm", "Reinforcing bar A240 10 mm"], ["Арматура А500С 12 мм", "Арматура А500С 16 мм", "Арматура А240 10 мм"], rebar),
            P(103, 100, "t", 72_000, ["Hot-rolled steel sheet 10 mm", "Cold-rolled steel sheet 1 mm", "Galvanised steel sheet 0.5 mm"], ["Лист г/к 10 мм", "Лист х/к 1 мм", "Лист оцинкованный 0,5 мм"], sheet),
            P(104, 100, "t", 80_000, ["Electric-welded pipe 57×3.5", "Seamless pipe 108×4", "Square hollow section 40×40×2"], ["Труба электросварная 57×3,5", "Труба бесшовная 108×4", "Труба профильная 40×40×2"], metal),
            P(105, 100, "t", 85_000, ["I-beam 20B1", "Channel 12P", "Wide-flange beam 30K1"], ["Балка двутавровая 20Б1", "Швеллер 12П", "Балка 30К1"], metal),
            P(106, 100, "t", 78_000, ["Steel angle 50×50×5", "Equal angle 75×75×6"], ["Уголок 50×50×5", "Уголок равнополочный 75×75×6"], metal),
            P(107, 100, "t", 60_000, ["Wire rod 6.5 mm", "Binding wire 1.2 mm", "Low-carbon wire 4 mm"], ["Катанка 6,5 мм", "Проволока вязальная 1,2 мм", "Проволока ВР-1 4 мм"], metal),
            P(108, 100, "t", 45_000, ["Steel billets 150×150", "Continuously cast slabs"], ["Заготовка квадратная 150×150", "Слябы непрерывнолитые"], metal),
            P(110, 100, "t", 300_000, ["Non-ferrous metals", "Non-ferrous metals, assorted"], ["Цветные металлы", "Цветные металлы в ассортименте"], nonFerrous),
            P(111, 100, "t", 260_000, ["Aluminium ingots A7", "Aluminium sheet AMg3 2 mm", "Aluminium profile 6063"], ["Алюминий в чушках А7", "Лист алюминиевый АМг3 2 мм", "Алюминиевый профиль 6063"], nonFerrous),
            P(112, 100, "t", 950_000, ["Copper cathodes M00k", "Copper wire rod 8 mm"], ["Медь катодная М00к", "Катанка медная 8 мм"], nonFerrous),
            P(113, 100, "t", 1_700_000, ["Nickel cathodes N-1", "Nickel plates"], ["Никель катодный Н-1", "Никель в пластинах"], nonFerrous),
            P(114, 100, "t", 280_000, ["Zinc ingots TsV0", "Lead ingots S1"], ["Цинк в чушках ЦВ0", "Свинец в чушках С1"], nonFerrous),
            P(115, 100, "t", 25_000, ["Scrap metal, mixed", "Metal scrap for recycling"], ["Металлолом смешанный", "Лом металлов на переработку"], scrap),
            P(116, 100, "t", 24_000, ["Steel scrap 3A", "Heavy melting scrap 5A"], ["Лом чёрных металлов 3А", "Лом 5А"], scrap),
            P(117, 100, "t", 450_000, ["Copper scrap", "Aluminium scrap, cans and profiles"], ["Лом меди", "Лом алюминия, банка и профиль"], scrap),
            P(118, 100, "kg", 210, ["Bolts M12 DIN 933", "Wood screws", "Anchor bolts"], ["Болты М12 DIN 933", "Саморезы по дереву", "Анкерные болты"], goods),
            P(120, 120, "t", 10_000, ["Building materials, assorted", "Construction materials from stock"], ["Стройматериалы в ассортименте", "Строительные материалы со склада"], bulk),
            P(121, 120, "t", 7_500, ["Portland cement CEM I 42.5N", "Cement M500 in bags"], ["Цемент ЦЕМ I 42,5Н", "Цемент М500 в мешках"], bulk),
            P(122, 120, "m3", 6_000, ["Concrete and precast products", "Concrete from the plant"], ["Бетон и ЖБИ", "Бетон с завода"], concrete),
            P(123, 120, "m3", 6_200, ["Ready-mix concrete B25 (M350)", "Concrete M300 with delivery"], ["Бетон товарный В25 (М350)", "Бетон М300 с доставкой"], concrete),
            P(124, 120, "m3", 5_800, ["Aerated concrete blocks D500", "Expanded clay concrete blocks"], ["Газобетонные блоки D500", "Керамзитобетонные блоки"], blocks),
            P(125, 120, "pcs", 18_000, ["Hollow-core floor slabs", "Reinforced concrete piles"], ["Плиты перекрытия пустотные", "Сваи железобетонные"], [N("ПК 60-12-8"), N("С 80.30-8")]),
            P(126, 120, "pcs", 35, ["Facing brick", "Ceramic brick M150"], ["Кирпич облицовочный", "Кирпич керамический М150"], [T("single, 250×120×65", "одинарный, 250×120×65"), T("one-and-a-half", "полуторный")]),
            P(127, 120, "m3", 4_200, ["Stone wool slabs", "Extruded polystyrene XPS"], ["Минеральная вата в плитах", "Экструдированный пенополистирол XPS"], insulation),
            P(128, 120, "m2", 520, ["Metal roofing tiles", "Trapezoidal steel sheet C21"], ["Металлочерепица", "Профнастил С21"], [T("0.5 mm, polyester", "0,5 мм, полиэстер"), N("RAL 3005"), T("galvanised", "оцинкованный")]),
            P(129, 120, "t", 9_000, ["Gypsum plaster", "Tile adhesive", "Cement-sand mix M150"], ["Штукатурка гипсовая", "Плиточный клей", "Пескобетон М150"], [T("bags 30 kg", "мешки по 30 кг"), T("pallets of 1.2 t", "поддоны по 1,2 т")]),
            P(130, 120, "m2", 650, ["Float glass M1 4 mm", "Tempered glass 8 mm"], ["Стекло флоат М1 4 мм", "Закалённое стекло 8 мм"], [T("3210×2250 mm", "3210×2250 мм"), T("cut to size", "раскрой в размер")]),
            P(131, 120, "t", 1_100, ["Crushed granite 5–20", "Construction sand", "Gravel 20–40"], ["Щебень гранитный 5–20", "Песок строительный", "Гравий 20–40"], [T("by dump trucks", "доставка самосвалами"), T("rail wagons", "ж/д вагонами"), T("from the quarry", "с карьера")]),
            P(132, 120, "m2", 150, ["Plasterboard 12.5 mm", "Moisture-resistant plasterboard"], ["Гипсокартон 12,5 мм", "Гипсокартон влагостойкий ГКЛВ"], [T("2500×1200 mm", "2500×1200 мм"), T("pallets of 52 sheets", "поддоны по 52 листа")]),
            P(140, 140, "t", 80_000, ["Chemical products, assorted", "Industrial chemicals and plastics"], ["Химическая продукция в ассортименте", "Химия и пластмассы"], chemical),
            P(141, 140, "t", 120_000, ["Polymers, assorted", "Plastic granules"], ["Полимеры в ассортименте", "Полимерная гранула"], polymer),
            P(142, 140, "t", 125_000, ["HDPE granules PE2NT", "LDPE 15803-020"], ["Полиэтилен ПНД ПЭ2НТ", "Полиэтилен ПВД 15803-020"], polymer),
            P(143, 140, "t", 115_000, ["Polypropylene homopolymer PP H030", "Polypropylene block copolymer"], ["Полипропилен гомополимер PP H030", "Полипропилен блок-сополимер"], polymer),
            P(144, 140, "t", 110_000, ["Suspension PVC S-7059", "PVC compound"], ["ПВХ суспензионный С-7059", "ПВХ-пластикат"], polymer),
            P(145, 140, "t", 105_000, ["PET granules, bottle grade", "PET flakes"], ["ПЭТ-гранулы бутылочные", "ПЭТ-флекс"], polymer),
            P(146, 140, "t", 30_000, ["Mineral fertilizers", "Fertilizers from the plant"], ["Минеральные удобрения", "Удобрения с завода"], bulk),
            P(147, 140, "t", 32_000, ["Urea (carbamide) 46.2 %", "Ammonium nitrate 34.4 %"], ["Карбамид 46,2 %", "Аммиачная селитра 34,4 %"], bulk),
            P(148, 140, "t", 28_000, ["Potassium chloride, granular", "Potash MOP 60 %"], ["Калий хлористый гранулированный", "Хлористый калий 60 %"], bulk),
            P(149, 140, "t", 45_000, ["Ammophos 12-52", "NPK 16-16-16"], ["Аммофос 12-52", "Нитроаммофоска 16-16-16"], bulk),
            P(150, 140, "t", 60_000, ["Industrial chemicals", "Technical chemicals"], ["Промышленная химия", "Технические химикаты"], chemical),
            P(151, 140, "t", 55_000, ["Caustic soda, flakes", "Sulfuric acid 93 %"], ["Сода каустическая чешуированная", "Кислота серная 93 %"], chemical),
            P(152, 140, "t", 95_000, ["Solvent 646", "Technical acetone"], ["Растворитель 646", "Ацетон технический"], chemical),
            P(153, 140, "t", 85_000, ["Urea-formaldehyde resin KF-MT", "PVA wood glue D3"], ["Смола карбамидоформальдегидная КФ-МТ", "Клей ПВА для дерева D3"], chemical),
            P(154, 140, "t", 190_000, ["Alkyd enamel PF-115", "Anticorrosive primer GF-021"], ["Эмаль ПФ-115", "Грунт ГФ-021"], [T("pails 20 kg", "вёдра по 20 кг"), T("drums 200 l", "бочки 200 л"), T("any RAL colour", "колеровка по RAL")]),
            P(160, 160, "t", 20_000, ["Agricultural products", "Farm produce in bulk"], ["Сельхозпродукция", "Сельхозпродукция оптом"], grain),
            P(161, 160, "t", 15_000, ["Grain, assorted", "Grain from the elevator"], ["Зерно в ассортименте", "Зерно с элеватора"], grain),
            P(162, 160, "t", 15_500, ["Milling wheat, class 3", "Feed wheat, class 5", "Wheat, protein 12.5 %"], ["Пшеница 3 класса", "Пшеница фуражная 5 класса", "Пшеница, протеин 12,5 %"], grain),
            P(163, 160, "t", 14_000, ["Feed barley", "Malting barley"], ["Ячмень фуражный", "Ячмень пивоваренный"], grain),
            P(164, 160, "t", 15_000, ["Corn, class 3", "Feed corn"], ["Кукуруза 3 класса", "Кукуруза фуражная"], grain),
            P(165, 160, "t", 11_000, ["Food rye", "Feed oats"], ["Рожь продовольственная", "Овёс фуражный"], grain),
            P(166, 160, "t", 35_000, ["Oilseeds", "Oilseeds from the farm"], ["Масличные культуры", "Масличные от хозяйства"], grain),
            P(167, 160, "t", 36_000, ["Sunflower seeds, oil content 48 %", "Confectionery sunflower seeds"], ["Подсолнечник, масличность 48 %", "Подсолнечник кондитерский"], grain),
            P(168, 160, "t", 38_000, ["Rapeseed 00, oil content 42 %", "Spring rapeseed"], ["Рапс 00, масличность 42 %", "Рапс яровой"], grain),
            P(169, 160, "t", 40_000, ["Soybeans, protein 36 %", "Non-GMO soybeans"], ["Соя, протеин 36 %", "Соя без ГМО"], grain),
            P(170, 160, "t", 95_000, ["Vegetable oil, refined", "Vegetable oils in bulk"], ["Масло растительное рафинированное", "Растительное масло наливом"], oil),
            P(171, 160, "t", 92_000, ["Crude sunflower oil", "Refined deodorised sunflower oil"], ["Подсолнечное масло нерафинированное", "Масло подсолнечное рафинированное дезодорированное"], oil),
            P(172, 160, "t", 90_000, ["Crude rapeseed oil", "Refined rapeseed oil"], ["Рапсовое масло нерафинированное", "Масло рапсовое рафинированное"], oil),
            P(173, 160, "t", 60_000, ["Beet sugar, category TS2", "White sugar in bags"], ["Сахар свекловичный ТС2", "Сахар-песок в мешках"], bulk),
            P(174, 160, "t", 30_000, ["Wheat flour, top grade", "Buckwheat groats"], ["Мука пшеничная высшего сорта", "Крупа гречневая ядрица"], [T("bags 50 kg", "мешки по 50 кг"), T("packs 1 kg", "пачки по 1 кг")]),
            P(175, 175, "t", 400_000, ["Skimmed milk powder", "Butter 82.5 %", "Hard cheese"], ["Сухое обезжиренное молоко", "Масло сливочное 82,5 %", "Сыр твёрдый"], food),
            P(176, 175, "t", 230_000, ["Frozen chicken quarters", "Pork half carcasses", "Beef, boneless"], ["Окорочка куриные замороженные", "Свинина в полутушах", "Говядина бескостная"], food),
            P(177, 175, "t", 180_000, ["Frozen pollock, headed and gutted", "Atlantic salmon", "Frozen herring"], ["Минтай б/г мороженый", "Сёмга атлантическая", "Сельдь мороженая"], food),
            P(178, 175, "t", 25_000, ["Washed potatoes", "Yellow onions", "Apples, new crop"], ["Картофель мытый", "Лук репчатый", "Яблоки нового урожая"], [T("nets 25 kg", "сетки по 25 кг"), T("boxes 18 kg", "ящики по 18 кг")]),
            P(179, 160, "t", 20_000, ["Sunflower meal 35 %", "Compound feed for poultry", "Rapeseed cake"], ["Шрот подсолнечный 35 %", "Комбикорм для птицы", "Жмых рапсовый"], grain),
            P(180, 180, "t", 60_000, ["Fuel and petroleum products", "Petroleum products wholesale"], ["Топливо и нефтепродукты", "Нефтепродукты оптом"], fuel),
            P(181, 180, "t", 7_000, ["Thermal coal DPK 0–300", "Coking coal, grade Zh", "Anthracite AO 25–50"], ["Уголь энергетический ДПК 0–300", "Уголь коксующийся марки Ж", "Антрацит АО 25–50"], coal),
            P(182, 180, "t", 65_000, ["Diesel fuel EURO-5, summer", "Diesel fuel, winter"], ["Дизельное топливо ЕВРО-5, летнее", "Дизельное топливо зимнее"], fuel),
            P(183, 180, "t", 62_000, ["Petrol AI-92", "Petrol AI-95"], ["Бензин АИ-92", "Бензин АИ-95"], fuel),
            P(184, 180, "t", 28_000, ["Fuel oil M-100", "Marine fuel RMG 380"], ["Мазут топочный М-100", "Судовое топливо RMG 380"], fuel),
            P(185, 180, "t", 30_000, ["LPG, propane-butane", "Technical propane"], ["СУГ пропан-бутан", "Пропан технический"], fuel),
            P(186, 180, "t", 230_000, ["Motor oil 10W-40", "Hydraulic oil HLP 46"], ["Моторное масло 10W-40", "Гидравлическое масло HLP 46"], [T("barrels 216 l", "бочки 216 л"), T("canisters 20 l", "канистры 20 л")]),
            P(187, 57, "pcs", 500_000, ["Electrical equipment", "Power equipment"], ["Электрооборудование", "Энергетическое оборудование"], tools),
            P(188, 57, "pcs", 1_800_000, ["Diesel generator 100 kW", "Gas piston power plant 1 MW"], ["Дизель-генератор 100 кВт", "Газопоршневая электростанция 1 МВт"], tools),
            P(189, 57, "pcs", 1_200_000, ["Transformer substation 630 kVA", "Oil transformer TMG 1000 kVA"], ["Трансформаторная подстанция КТП 630 кВА", "Трансформатор ТМГ 1000 кВА"], tools),
            P(190, 57, "m", 90, ["Power cable VVGng 3×2.5", "Aluminium cable AVBbShv 4×120"], ["Кабель ВВГнг 3×2,5", "Кабель АВБбШв 4×120"], [T("drums of 1,000 m", "барабаны по 1000 м"), T("made in 2026", "выпуск 2026 г.")]),
            P(200, 57, "pcs", 3_000_000, ["Industrial equipment", "Production line equipment"], ["Промышленное оборудование", "Оборудование для производственных линий"], tools),
            P(201, 57, "pcs", 4_500_000, ["CNC lathe", "Vertical milling machine", "Press brake 100 t"], ["Токарный станок с ЧПУ", "Вертикально-фрезерный станок", "Листогиб 100 т"], tools),
            P(202, 57, "pcs", 2_500_000, ["Dough mixer", "Industrial meat grinder", "Pasteuriser line"], ["Тестомесильная машина", "Мясорубка промышленная", "Линия пастеризации"], tools),
            P(203, 57, "pcs", 1_900_000, ["Pallet stretch wrapper", "Vertical packaging machine"], ["Паллетообмотчик", "Вертикальная фасовочно-упаковочная машина"], tools),
            P(204, 57, "pcs", 9_000_000, ["Construction machinery", "Road-building machinery"], ["Строительная техника", "Дорожно-строительная техника"], MachineSpecs),
            P(205, 57, "pcs", 11_000_000, ["Excavator Komatsu PC200", "Tracked excavator Hitachi ZX330", "Backhoe loader JCB 3CX"], ["Экскаватор Komatsu PC200", "Гусеничный экскаватор Hitachi ZX330", "Экскаватор-погрузчик JCB 3CX"], MachineSpecs),
            P(206, 57, "pcs", 3_500_000, ["Forklift 3 t", "Front loader SDLG L956"], ["Вилочный погрузчик 3 т", "Фронтальный погрузчик SDLG L956"], MachineSpecs),
            P(207, 57, "pcs", 14_000_000, ["Truck crane 25 t", "Tower crane"], ["Автокран 25 т", "Башенный кран"], MachineSpecs),
            P(208, 57, "pcs", 8_000_000, ["Agricultural machinery", "Farm machinery"], ["Сельхозтехника", "Сельскохозяйственная техника"], MachineSpecs),
            P(209, 57, "pcs", 5_500_000, ["Tractor Belarus MTZ 82.1", "Tractor Kirovets K-742"], ["Трактор Беларус МТЗ 82.1", "Трактор Кировец К-742"], MachineSpecs),
            P(210, 57, "pcs", 16_000_000, ["Combine harvester Acros 595", "Combine harvester Torum 785"], ["Зерноуборочный комбайн Acros 595", "Зерноуборочный комбайн Torum 785"], MachineSpecs),
            P(211, 57, "pcs", 400_000, ["Pumps and compressors", "Pumping equipment"], ["Насосы и компрессоры", "Насосное оборудование"], tools),
            P(212, 57, "pcs", 120_000, ["Centrifugal pump K 80-50-200", "Submersible drainage pump"], ["Центробежный насос К 80-50-200", "Погружной дренажный насос"], tools),
            P(213, 57, "pcs", 1_300_000, ["Screw compressor 55 kW", "Piston compressor"], ["Винтовой компрессор 55 кВт", "Поршневой компрессор"], tools),
            P(214, 57, "pcs", 9_500_000, ["Truck tractor KAMAZ 5490", "Curtain-side semi-trailer", "Timber truck MAZ"], ["Седельный тягач КАМАЗ 5490", "Полуприцеп шторный", "Лесовоз МАЗ"], MachineSpecs),
            P(220, 220, "pcs", 500, ["Packaging, assorted", "Transport packaging"], ["Тара и упаковка в ассортименте", "Транспортная тара"], goods),
            P(221, 220, "pcs", 450, ["Euro pallets EPAL 1200×800", "New pallets 1200×1000", "Used pallets, grade 1"], ["Европоддоны EPAL 1200×800", "Поддоны 1200×1000 новые", "Поддоны б/у 1 сорт"], [T("heat-treated, ISPM 15", "термообработка ISPM 15"), T("load up to 1,500 kg", "нагрузка до 1500 кг")]),
            P(222, 220, "kg", 210, ["Stretch film 23 µm", "Shrink film 100 µm"], ["Стрейч-плёнка 23 мкм", "Термоусадочная плёнка 100 мкм"], goods),
            P(223, 220, "pcs", 120, ["Big bags FIBC 1 t", "Polypropylene bags 50 kg"], ["Биг-бэги МКР 1 т", "Мешки полипропиленовые 50 кг"], goods),
            P(224, 220, "pcs", 7_000, ["IBC container 1,000 l", "Plastic drum 227 l", "Steel drum 200 l"], ["Еврокуб 1000 л", "Бочка пластиковая 227 л", "Бочка металлическая 200 л"], goods),
            P(230, 230, "m", 150, ["Textile products", "Textiles wholesale"], ["Текстильная продукция", "Текстиль оптом"], goods),
            P(231, 230, "kg", 450, ["Cotton yarn Ne 30/1", "Polyester yarn 150D"], ["Пряжа хлопковая Ne 30/1", "Нить полиэфирная 150D"], goods),
            P(232, 230, "m", 220, ["Cotton twill fabric", "Tarpaulin fabric", "Oxford 600D fabric"], ["Ткань саржа хлопковая", "Ткань брезентовая", "Ткань оксфорд 600D"], goods),
            P(233, 230, "pcs", 2_500, ["Insulated work jackets", "Summer work overalls", "Safety boots S3"], ["Куртки рабочие утеплённые", "Полукомбинезоны летние", "Ботинки рабочие S3"], goods),
            P(234, 230, "m2", 45, ["Geotextile 200 g/m²", "Spunbond 60 g/m²"], ["Геотекстиль 200 г/м²", "Спанбонд 60 г/м²"], goods),
            P(240, 66, "truck", 90_000, ["Full truckload, 20 t tilt trailer", "Groupage road freight"], ["Перевозка фурой 20 т, тент", "Сборные грузы автотранспортом"], ServiceSpecs),
            P(241, 66, "wagon", 120_000, ["Rail freight in covered wagons", "Gondola wagons for metal and timber"], ["Перевозка в крытых вагонах", "Полувагоны под металл и лес"], ServiceSpecs),
            P(242, 66, "container", 350_000, ["40' container St. Petersburg – Shanghai", "20' container freight"], ["40-футовый контейнер Санкт-Петербург – Шанхай", "Фрахт 20-футового контейнера"], sea),
            P(243, 66, "pallet", 600, ["Warehouse storage, heated", "Open storage yard"], ["Ответственное хранение, тёплый склад", "Открытая площадка для хранения"], NoSpecs),
            P(244, 66, "pcs", 25_000, ["Customs clearance of imports", "Export declarations"], ["Таможенное оформление импорта", "Оформление экспортных деклараций"], NoSpecs),
        ];
    }
}
