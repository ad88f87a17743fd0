namespace Panelwise.Render.Report;

/// <summary>A figure of the report: its caption and the image paths relative to report.html (the PNG is shown, the
/// SVG linked).</summary>
public sealed record ReportFigure(string Caption, string Png, string Svg);
