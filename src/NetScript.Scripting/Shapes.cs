namespace NetScript.Scripting;

/// <summary>Shapes in messages, as NetScript prints them everywhere: <c>[7, 10]</c>.</summary>
internal static class Shapes
{
    public static string Format(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
