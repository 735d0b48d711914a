namespace NetScript.Language.Syntax;

public enum BinaryOperator
{
    Multiply,
    Divide,
}
