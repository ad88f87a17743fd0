using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Panelwise.Tests.Support;

/// <summary>A seeded synthetic firm registry for keyword-classification tests: each firm's business scope joins 1-4
/// phrases drawn from AI phrases (人工智能, 机器学习, "AI" in several cases), an exclusion phrase (不含人工智能),
/// phrases with quotes and SQL punctuation, and ordinary ones; about 5% of scopes are missing (empty). The expected
/// classification is computed in plain C# by <see cref="Expected"/>.</summary>
internal static class KeywordRegistry
{
    public static readonly string[] Provinces = ["北京", "上海", "山西", "广东"];

    private static readonly string[] Phrases =
    [
        "人工智能软件开发", "机器学习平台", "语音识别设备", "图像识别服务", "Machine Learning consulting", "MACHINE learning",
        "不含人工智能的软件", "销售食品", "技术咨询", "房地产开发", "it's a shop", "50% off; DROP TABLE registry; --",
        "农产品种植", "图像处理", "信息技术服务", "人工 智能",
    ];

    public sealed record Firm(int Id, string Province, int Founded, string? Scope);

    public static List<Firm> Firms(int count, int seed = 11)
    {
        var random = new Random(seed);
        var firms = new List<Firm>(count);
        for (int i = 0; i < count; i++)
        {
            string? scope = null;
            if (random.NextDouble() >= 0.05)
            {
                int parts = 1 + random.Next(4);
                scope = string.Join("；", Enumerable.Range(0, parts).Select(_ => Phrases[random.Next(Phrases.Length)]));
            }
            firms.Add(new Firm(i + 1, Provinces[random.Next(Provinces.Length)], 2001 + random.Next(6), scope));
        }
        return firms;
    }

    /// <summary>1 when the scope contains a keyword and no exclusion, ignoring case (ToLowerInvariant).</summary>
    public static int Expected(string? scope, IReadOnlyList<string> keywords, IReadOnlyList<string> exclude)
    {
        if (scope is null) return 0;
        string lower = scope.ToLowerInvariant();
        bool hit = keywords.Any(k => lower.Contains(k.ToLowerInvariant(), StringComparison.Ordinal));
        bool veto = exclude.Any(k => lower.Contains(k.ToLowerInvariant(), StringComparison.Ordinal));
        return hit && !veto ? 1 : 0;
    }

    /// <summary>The firms as CSV (firm_id, province, founded, business_scope; scopes quoted), gzip-compressed when
    /// the path ends in .gz.</summary>
    public static void Write(string path, IEnumerable<Firm> firms)
    {
        var csv = new StringBuilder("firm_id,province,founded,business_scope\n");
        foreach (var f in firms)
            csv.Append(CultureInfo.InvariantCulture, $"{f.Id},{f.Province},{f.Founded},")
               .Append(f.Scope is null ? "" : "\"" + f.Scope.Replace("\"", "\"\"") + "\"").Append('\n');
        byte[] bytes = Encoding.UTF8.GetBytes(csv.ToString());
        using var file = File.Create(path);
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gz = new GZipStream(file, CompressionLevel.Fastest);
            gz.Write(bytes);
        }
        else file.Write(bytes);
    }
}
