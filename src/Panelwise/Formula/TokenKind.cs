namespace Panelwise.Formula;

/// <summary>Token kinds shared by formulas and filter expressions.</summary>
internal enum TokenKind
{
    Name, Number, Text,
    Tilde, Pipe, Plus, Minus, Star, Slash, Caret, Colon,
    LParen, RParen, Comma, Assign,
    Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
    Amp, Bang,
    End,
}
