using System.IO.Compression;
using System.Text;

namespace HightechResilience.Generate;

/// <summary>The synthetic enterprise registry: one line per firm (firm_id, province, founded, business_scope), the
/// business scope (经营范围) assembled from phrase pools in the style of the registration authority: before 2019
/// "phrase；phrase。（依法须经批准的项目…）", from 2019 "一般项目：…（除依法须经批准的项目外…）" with an optional
/// 许可项目 part. AI firms carry one or two phrases with an AI keyword, other firms none; a few other firms carry a
/// deliberately tricky phrase that contains a keyword but is not AI business (the study's <c>exclude:</c> list).</summary>
internal static class Registry
{
    /// <summary>The keywords of the study's classify step (seed 003: 语音识别, 传感器, 计算机识别 "等").</summary>
    public static readonly string[] Keywords =
        ["人工智能", "语音识别", "图像识别", "计算机视觉", "计算机识别", "机器学习", "深度学习", "智能机器人", "自然语言处理", "传感器"];

    /// <summary>Phrases that contain a keyword but do not make a firm an AI firm (toy shops, popular-science events).</summary>
    public static readonly string[] Excluded = ["智能机器人玩具", "人工智能科普"];

    private static readonly string[] TrickyPhrases = ["智能机器人玩具销售", "智能机器人玩具零售", "人工智能科普活动策划", "人工智能科普展览服务"];

    private static readonly string[] AiPhrases =
    [
        "人工智能基础软件开发", "人工智能应用软件开发", "人工智能行业应用系统集成服务", "人工智能理论与算法软件开发",
        "人工智能通用应用系统", "人工智能硬件销售", "人工智能公共数据平台", "人工智能双创服务平台", "智能机器人的研发",
        "智能机器人销售", "语音识别技术开发", "语音识别系统集成", "图像识别技术服务", "图像识别设备销售",
        "计算机视觉技术开发", "计算机识别系统开发", "机器学习算法研发", "深度学习平台技术服务", "自然语言处理技术开发",
        "传感器制造", "传感器销售", "智能传感器研发", "汽车电子传感器生产",
    ];

    private static readonly string[] TechPhrases =
    [
        "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "软件开发", "信息系统集成服务", "信息技术咨询服务",
        "数据处理和存储支持服务", "计算机软硬件及辅助设备批发", "计算机软硬件及辅助设备零售", "网络技术服务",
        "物联网技术研发", "云计算装备技术服务", "集成电路设计", "电子元器件制造", "通讯设备销售", "仪器仪表销售",
        "工业自动控制系统装置制造", "物联网设备销售", "信息系统运行维护服务", "数字内容制作服务（不含出版发行）",
    ];

    private static readonly string[] GeneralPhrases =
    [
        "日用百货销售", "五金产品批发", "五金产品零售", "建筑材料销售", "货物进出口", "技术进出口", "餐饮服务",
        "道路货物运输（不含危险货物）", "企业管理咨询", "市场营销策划", "广告设计、代理", "广告制作", "会议及展览服务",
        "家用电器销售", "电子产品销售", "机械设备租赁", "农副产品销售", "食品经营（销售预包装食品）", "物业管理",
        "房地产经纪", "劳务服务（不含劳务派遣）", "服装服饰零售", "化工产品销售（不含许可类化工产品）", "金属材料销售",
        "工程管理服务", "园林绿化工程施工", "专业保洁、清洗、消毒服务", "住房租赁", "汽车零配件零售", "办公用品销售",
        "文具用品零售", "体育用品及器材零售", "化妆品零售", "个人卫生用品销售", "针纺织品销售", "家具销售",
        "塑料制品制造", "金属制品销售", "普通机械设备安装服务", "装卸搬运", "国内货物运输代理", "普通货物仓储服务",
        "教育咨询服务（不含涉许可审批的教育培训活动）", "健康咨询服务（不含诊疗服务）", "礼仪服务", "摄影扩印服务",
        "水产品批发", "新鲜水果零售", "谷物种植", "蔬菜种植", "牲畜销售", "林业产品销售", "煤炭及制品销售",
        "石油制品销售（不含危险化学品）", "建筑装饰材料销售", "家居用品销售", "玩具销售", "珠宝首饰零售",
        "小微型客车租赁经营服务", "停车场服务", "洗车服务", "美发饰美容服务", "居民日常生活服务", "旅游开发项目策划咨询",
        "票务代理服务", "酒店管理", "母婴用品销售", "宠物食品及用品零售", "再生资源回收（除生产性废旧金属）",
    ];

    private static readonly string[] LicensedPhrases =
    [
        "建设工程施工", "食品销售", "道路货物运输（不含危险货物）", "第二类增值电信业务", "餐饮服务", "酒类经营",
        "药品零售", "出版物零售", "住宿服务", "第一类增值电信业务",
    ];

    private const string OldSuffix = "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）";
    private const string GeneralSuffix = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）";
    private const string LicensedSuffix = "（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）";

    /// <summary>One firm's business scope. <paramref name="kind"/>: 0 other firm, 1 AI firm, 2 tricky other firm.</summary>
    public static string Scope(Random rng, int kind, int founded)
    {
        var phrases = new List<string>();
        bool tech = kind == 1 || rng.NextDouble() < 0.25;
        int general = kind == 1 ? rng.Next(1, 4) : rng.Next(2, 6);
        if (tech) phrases.AddRange(Pick(rng, TechPhrases, rng.Next(1, 4)));
        phrases.AddRange(Pick(rng, GeneralPhrases, general));
        if (kind == 1) phrases.InsertRange(rng.Next(0, Math.Min(2, phrases.Count) + 1), Pick(rng, AiPhrases, rng.Next(1, 3)));
        if (kind == 2) phrases.Insert(rng.Next(0, phrases.Count + 1), TrickyPhrases[rng.Next(TrickyPhrases.Length)]);
        if (founded < 2019) return string.Join("；", phrases) + OldSuffix;
        var text = "一般项目：" + string.Join("；", phrases) + GeneralSuffix;
        if (rng.NextDouble() < 0.3) text += "许可项目：" + string.Join("；", Pick(rng, LicensedPhrases, rng.Next(1, 3))) + LicensedSuffix;
        return text;
    }

    /// <summary>True when a text contains a keyword outside the excluded phrases (the intended classification).</summary>
    public static bool IsAi(string text)
    {
        foreach (var e in Excluded) text = text.Replace(e, "", StringComparison.Ordinal);
        return Keywords.Any(k => text.Contains(k, StringComparison.Ordinal));
    }

    /// <summary>Writes the registry as gzip-compressed UTF-8 CSV (no quoting needed: texts hold no ASCII comma).</summary>
    public static void Write(string path, IReadOnlyList<(string Province, int Founded, string Scope)> firms)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.Write("firm_id,province,founded,business_scope\n");
        for (int i = 0; i < firms.Count; i++)
        {
            var (province, founded, scope) = firms[i];
            if (scope.Contains(',') || scope.Contains('"')) throw new InvalidOperationException($"firm {i + 1}: scope holds a comma or quote");
            writer.Write($"{i + 1},{province},{founded},{scope}\n");
        }
    }

    private static IEnumerable<string> Pick(Random rng, string[] pool, int count)
    {
        var chosen = new List<string>();
        while (chosen.Count < count)
        {
            var p = pool[rng.Next(pool.Length)];
            if (!chosen.Contains(p)) chosen.Add(p);
        }
        return chosen;
    }
}
