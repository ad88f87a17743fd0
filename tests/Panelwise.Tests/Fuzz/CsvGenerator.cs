using System.Text;

namespace Panelwise.Tests.Fuzz;

/// <summary>
/// (c) CSV bytes: the synthetic panel written with a random delimiter, quoting, BOM or encoding (UTF-8, GB18030,
/// UTF-16), line endings (LF, CRLF, CR-only, mixed), then cell- and byte-level damage: odd number spellings (thousands
/// separators, decimal commas, hex, 1e309, Inf), missing spellings, duplicated or empty headers, ragged rows, blank
/// lines, stray quotes, NUL bytes and truncation. Read by fit, describe, group, index or match.
/// </summary>
internal static class CsvGenerator
{
    private static readonly string[] OddNumbers = ["1,234.5", "1.234,5", "0x1F", "1e5", "+3", " 4 ", "3.", ".5", "1_000", "١٢", "12%", "$5", "1e309", "-1e309", "Inf", "-Infinity", "inf", "1e308", "-1e308", "1e-320", "true", "TRUE", "1/2", "--1", "0.0.1", "∞", "1 000"];
    private static readonly string[] MissingSpellings = ["", "NA", "N/A", ".", "-", "--", "null", "NULL", "NaN", "nan", "#N/A", "?", "na", "None", " "];
    private static readonly HashSet<string> NonFinite = ["1e309", "-1e309", "Inf", "-Infinity", "inf", "∞"];
    private static readonly HashSet<string> Huge = ["1e308", "-1e308"];

    public static FuzzInput Create(int seed)
    {
        var rng = new Random(seed);
        var data = FuzzData.Create(rng);
        var tags = new List<string>();
        var header = FuzzData.Columns.ToList();
        var rows = data.Rows.Select(r => r.ToList()).ToList();

        if (rng.Chance(0.1)) { header[rng.Next(header.Count)] = rng.Pick(["", "y", "id", "x 1", "\"x1\"", "资本", "Y"]); tags.Add("header"); }
        if (rng.Chance(0.05)) { header.RemoveAt(rng.Next(header.Count)); tags.Add("ragged"); }
        for (int k = rng.Chance(0.5) ? rng.Next(1, 6) : 0; k > 0 && rows.Count > 0; k--)
        {
            var row = rows[rng.Next(rows.Count)];
            int col = rng.Next(row.Count);
            string value = rng.Chance(0.5) ? rng.Pick(OddNumbers) : rng.Pick(MissingSpellings);
            if (NonFinite.Contains(value)) tags.Add("non-finite-value");
            if (Huge.Contains(value)) tags.Add("huge-value");
            row[col] = value;
            tags.Add("cell");
        }
        if (rng.Chance(0.05) && rows.Count > 0) { rows[rng.Next(rows.Count)].Add("extra"); tags.Add("ragged"); }
        if (rng.Chance(0.05) && rows.Count > 0) { var r = rows[rng.Next(rows.Count)]; r.RemoveAt(r.Count - 1); tags.Add("ragged"); }

        char delimiter = rng.Pick([',', ',', ',', ';', '\t', '|']);
        string newline = rng.Pick(["\n", "\n", "\r\n", "\r\n", "\r", "mixed"]);
        if (newline == "\r") tags.Add("cr-only");
        bool quoteAll = rng.Chance(0.2);
        var text = new StringBuilder();
        if (rng.Chance(0.05)) text.Append(rng.Pick(["\n", "# comment\n", "sep=,\n"]));
        foreach (var line in rows.Prepend(header))
        {
            text.Append(string.Join(delimiter, line.Select(v => Quote(v, delimiter, quoteAll || rng.Chance(0.02)))));
            text.Append(newline == "mixed" ? rng.Pick(["\n", "\r\n"]) : newline);
            if (rng.Chance(0.01)) text.Append(newline == "mixed" ? "\n" : newline);
        }
        string csv = text.ToString();
        if (rng.Chance(0.08)) { csv = csv.Insert(rng.Next(csv.Length), rng.Pick(["\"", "\0", "\u00a0", "\uFEFF", "\\", "\"\"", ",,"])); tags.Add("byte-noise"); }

        byte[] bytes = Encode(rng, csv, tags);
        if (rng.Chance(0.08)) { bytes = bytes[..rng.Next(bytes.Length + 1)]; tags.Add("truncated"); }

        string ext = rng.Pick([".csv", ".csv", ".csv", ".tsv", ".txt"]);
        string file = FuzzInput.DirToken + "/data" + ext;
        string[] args = rng.Next(7) switch
        {
            0 or 1 or 2 => ["fit", file, rng.Pick(["y ~ x1 + x2", "y ~ x1 | id", "y ~ x1 + i(region)", "y ~ x2 | x1 ~ z1"]), "--json"],
            3 => ["describe", file, rng.Pick(["y", "x1", "region", "pos"]), "x2"],
            4 => ["group", file, "--id", "id", "--indicators", "x1, x3", "--k", "2"],
            5 => ["index", file, "--indicators", "x1:+, x3:-", "--json"],
            _ => ["match", file, "--treat", "d", "--covariates", "x1 + x2", "--outcome", "y"],
        };
        if (rng.Chance(0.1)) args = [.. args, "--na", rng.Pick(["?", "-999", "", "NA"])];
        return new FuzzInput("csv", seed, args, new Dictionary<string, byte[]> { ["data" + ext] = bytes }, tags);
    }

    private static string Quote(string value, char delimiter, bool always)
    {
        bool needs = always || value.Contains(delimiter) || value.Contains('"') || value.Contains('\n');
        return needs ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static byte[] Encode(Random rng, string csv, List<string> tags)
    {
        switch (rng.Next(12))
        {
            case 0: tags.Add("bom"); return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
            case 1:
                tags.Add("gb18030");
                return CodePagesEncoding("GB18030").GetBytes(csv.Replace("region", "地区"));
            case 2: tags.Add("utf16"); return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv)];
            case 3: tags.Add("latin1"); return Encoding.Latin1.GetBytes(csv.Replace("east", "éast"));
            default: return Encoding.UTF8.GetBytes(csv);
        }
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
