namespace HightechResilience.Generate;

/// <summary>The 30 provinces of seed 003 (Tibet excluded), their region (East 11, Central 8, West 11 as the seed's
/// Table 5) and rounded 2010 anchors: GDP (亿元), resident population (万人) and land area (km²), approximately the
/// statistical yearbook's values. The anchors only make magnitudes plausible; every series is synthetic.</summary>
internal static class Provinces
{
    public static readonly (string Name, string Region, double Gdp2010, double Population2010, double Area)[] All =
    [
        ("北京", "东部", 14100, 1962, 16410), ("天津", "东部", 9224, 1299, 11966), ("河北", "东部", 20394, 7194, 188800),
        ("山西", "中部", 9201, 3574, 156700), ("内蒙古", "西部", 11672, 2472, 1183000), ("辽宁", "东部", 18457, 4375, 148000),
        ("吉林", "中部", 8668, 2747, 187400), ("黑龙江", "中部", 10369, 3833, 473000), ("上海", "东部", 17166, 2303, 6340),
        ("江苏", "东部", 41425, 7869, 107200), ("浙江", "东部", 27722, 5447, 105500), ("安徽", "中部", 12359, 5957, 140100),
        ("福建", "东部", 14737, 3693, 124000), ("江西", "中部", 9451, 4462, 166900), ("山东", "东部", 39170, 9588, 157100),
        ("河南", "中部", 23092, 9405, 167000), ("湖北", "中部", 15968, 5728, 185900), ("湖南", "中部", 16038, 6570, 211800),
        ("广东", "东部", 46013, 10441, 179800), ("广西", "西部", 9570, 4610, 237600), ("海南", "东部", 2065, 869, 35400),
        ("重庆", "西部", 7926, 2885, 82400), ("四川", "西部", 17185, 8045, 486000), ("贵州", "西部", 4602, 3479, 176200),
        ("云南", "西部", 7224, 4602, 394000), ("陕西", "西部", 10123, 3735, 205600), ("甘肃", "西部", 4121, 2560, 425800),
        ("青海", "西部", 1350, 563, 722300), ("宁夏", "西部", 1690, 633, 66400), ("新疆", "西部", 5437, 2185, 1664900),
    ];

    /// <summary>Region names in the order of the heterogeneity table.</summary>
    public static readonly string[] Regions = ["东部", "中部", "西部"];
}
