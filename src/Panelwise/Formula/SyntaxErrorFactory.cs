namespace Panelwise.Formula;

/// <summary>Builds the exception for a syntax error, so the same lexer and expression parser
/// report <see cref="FormulaException"/> in formulas and <see cref="ExpressionException"/> in filters.</summary>
internal delegate Exception SyntaxErrorFactory(int position, string token, string problem);
